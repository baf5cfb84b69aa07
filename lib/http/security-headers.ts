// Response headers every page and route gets (middleware.ts applies them; next.config.ts
// gives the static-file subset to /_next/static and /_next/image, which middleware skips).
// Edge-safe: no Node imports.

/** Header the root layout reads the nonce from (Next itself reads it from the CSP request header). */
export const NONCE_HEADER = 'x-nonce'

export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return btoa(String.fromCharCode(...bytes))
}

const isHttps = () => (process.env.APP_URL ?? process.env.AUTH_URL ?? '').startsWith('https:')

/**
 * Scripts: only those carrying this request's nonce, and what they load ('strict-dynamic'),
 * so an injected <script> or inline handler never runs. Styles: 'unsafe-inline' rather than a
 * nonce, because React renders `style` attributes and a nonce cannot cover attributes (with
 * a nonce present, browsers ignore 'unsafe-inline'); CSS cannot run script, and the
 * stylesheets themselves still come from 'self' only. Dev needs 'unsafe-eval' for React's
 * debugging tools and hot reload.
 */
export function contentSecurityPolicy(nonce: string, opts: { dev?: boolean; https?: boolean } = {}): string {
  const { dev = process.env.NODE_ENV === 'development', https = isHttps() } = opts
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    // An OAuth provider, once configured, needs its authorisation host here.
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ')
}

/** For /api/ responses (JSON, files, redirects): nothing may load or frame them. */
export const apiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

/** The headers that do not depend on the request; also used for static files. */
export function staticSecurityHeaders(opts: { https?: boolean } = {}): Record<string, string> {
  const { https = isHttps() } = opts
  return {
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    // Only over https: sent over http it is ignored at best, and pins a dev host at worst.
    ...(https ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}),
  }
}

/**
 * Request headers for the rendering step: Next reads the nonce from the request's
 * Content-Security-Policy and puts it on its own scripts; the layout reads NONCE_HEADER.
 */
export function requestHeadersWithNonce(headers: Headers, nonce: string): Headers {
  const next = new Headers(headers)
  next.set(NONCE_HEADER, nonce)
  next.set('Content-Security-Policy', contentSecurityPolicy(nonce))
  return next
}

/**
 * Adds the security headers to a middleware response. A header the response already has is
 * left alone; a route handler's own headers (an attachment served with a sandbox CSP) are
 * applied after these by Next and win.
 */
export function withSecurityHeaders<R extends Response>(res: R, nonce: string): R {
  if (!res.headers.has('Content-Security-Policy')) res.headers.set('Content-Security-Policy', contentSecurityPolicy(nonce))
  for (const [k, v] of Object.entries(staticSecurityHeaders())) if (!res.headers.has(k)) res.headers.set(k, v)
  return res
}
