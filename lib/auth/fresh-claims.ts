import { decode, type JWT } from 'next-auth/jwt'
import { authConfig, type MembershipClaims } from './config'

export type Claims = { userId?: string; memberships?: MembershipClaims; twoFactorPending?: boolean } | null

const COOKIES = ['__Secure-authjs.session-token', 'authjs.session-token']

type CookieJar = { get(name: string): { value: string } | undefined; has(name: string): boolean }

/**
 * The session cookie's JWT, decoded without Auth.js's request round (which re-encrypts and
 * re-sends the cookie on every call: ~3 ms in middleware, ~1 ms again in the page).
 * `null`: there is no session cookie. `undefined`: this fast path cannot decide (a chunked
 * or unreadable cookie, a rotated secret, an expired token); ask Auth.js, which handles
 * all of those. Edge-safe; never a database call.
 */
export async function decodeSessionCookie(jar: CookieJar, secret: string | undefined): Promise<JWT | null | undefined> {
  const name = COOKIES.find((n) => jar.get(n)?.value || jar.has(`${n}.0`))
  if (!name) return null
  if (!secret || jar.has(`${name}.0`)) return undefined
  try {
    return (await decode({ token: jar.get(name)!.value, secret, salt: name })) ?? undefined
  } catch {
    return undefined
  }
}

/**
 * For the middleware: the claims of a cookie issued within the last `updateAge`; null when
 * it is older (due for its sliding renewal, which Auth.js's middleware performs), or when
 * the fast path cannot decide or there is no cookie (Auth.js then sends to sign-in).
 */
export async function freshClaims(jar: CookieJar, secret: string | undefined, nowMs = Date.now()): Promise<Claims> {
  const token = await decodeSessionCookie(jar, secret)
  if (!token) return null
  const age = Math.floor(nowMs / 1000) - (typeof token.iat === 'number' ? token.iat : -Infinity)
  if (!token.sub || !(age <= authConfig.session.updateAge)) return null
  const claims = { userId: token.sub, memberships: token.memberships as MembershipClaims | undefined }
  return token.tfa === 'pending' ? { ...claims, twoFactorPending: true } : claims
}
