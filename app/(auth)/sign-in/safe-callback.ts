/** Only same-site paths, so the sign-in forms cannot be used as an open redirect. */
export function safeCallback(v: unknown): string {
  return typeof v === 'string' && v.startsWith('/') && !v.startsWith('//') && !v.startsWith('/\\') ? v : '/'
}
