// The one origin every absolute URL the app makes starts with: sign-in links, links in
// notification e-mails, webhook payloads. It comes from configuration, never from the
// request: a Host or X-Forwarded-Host header is whatever the sender typed, and a sign-in
// link built from it mails the victim a working token on the attacker's host.
//
// Edge-safe on purpose (no Node imports): lib/auth/config.ts, which middleware loads, pins
// Auth.js to it.

export class AppOriginError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'AppOriginError'
  }
}

type Env = Record<string, string | undefined>

function parseOrigin(name: string, value: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new AppOriginError(`${name} must be an absolute URL such as https://help.example.com (got "${value}")`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new AppOriginError(`${name} must use http or https (got "${value}")`)
  // The app has no base path: a URL under a sub-path would make every link wrong.
  if (url.pathname !== '/' || url.search || url.hash) throw new AppOriginError(`${name} must be an origin only, without a path (got "${value}")`)
  return url.origin
}

/**
 * APP_URL's origin. AUTH_URL / NEXTAUTH_URL (Auth.js's own names) are accepted when APP_URL
 * is unset and must agree with it when both are set. Without any of them: in production a
 * clear error; in development `http://localhost:${PORT ?? 3000}`.
 */
export function resolveAppOrigin(env: Env = process.env): string {
  const configured = (['APP_URL', 'AUTH_URL', 'NEXTAUTH_URL'] as const)
    .filter((name) => env[name])
    .map((name) => ({ name, origin: parseOrigin(name, env[name]!) }))
  if (configured.length) {
    const [first] = configured
    const other = configured.find((c) => c.origin !== first.origin)
    if (other) throw new AppOriginError(`${first.name} (${first.origin}) and ${other.name} (${other.origin}) disagree; set APP_URL only`)
    return first.origin
  }
  if (env.NODE_ENV === 'production') {
    throw new AppOriginError('APP_URL is not set. Set it to the address people use to reach the helpdesk, e.g. APP_URL=https://help.example.com; links in e-mails are built from it, never from request headers.')
  }
  return `http://localhost:${env.PORT || 3000}`
}

let cached: string | undefined

/** The configured origin, e.g. `https://help.example.com` (no trailing slash). */
export function appOrigin(): string {
  cached ??= resolveAppOrigin()
  return cached
}

/** An absolute URL on the app, from a path such as `/acme/tickets/42`. */
export function appUrl(path: string): string {
  return new URL(path, appOrigin()).toString()
}

/**
 * Auth.js builds its own URLs (the magic link, redirects) from AUTH_URL, read from
 * process.env at call time, and otherwise from Host / X-Forwarded-Host. Setting AUTH_URL to
 * the app origin pins them. Returns null instead of throwing when nothing is configured, so a
 * build (which loads this module with NODE_ENV=production) still works; start-up refuses
 * through `assertAppOrigin` in instrumentation.
 */
export function pinAuthUrl(env: Env = process.env): string | null {
  let origin: string
  try {
    origin = resolveAppOrigin(env)
  } catch {
    return null
  }
  env.AUTH_URL = origin
  return origin
}

/** For start-up: throws AppOriginError with the reason when the origin is missing or wrong. */
export function assertAppOrigin(env: Env = process.env): string {
  const origin = resolveAppOrigin(env)
  env.AUTH_URL = origin
  return origin
}
