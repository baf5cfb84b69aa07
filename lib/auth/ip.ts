/** First address in X-Forwarded-For (set by Next's server or the load balancer), else X-Real-IP. */
export function clientIp(headers: Headers): string | null {
  const fwd = headers.get('x-forwarded-for')
  if (fwd) return fwd.split(',')[0]!.trim() || null
  return headers.get('x-real-ip')
}
