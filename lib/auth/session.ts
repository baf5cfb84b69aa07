import 'server-only'
import { cache } from 'react'
import { cookies } from 'next/headers'
import type { Session } from 'next-auth'
import { getDb } from '@/db/client'
import { authConfig } from './config'
import { decodeSessionCookie } from './fresh-claims'
import { isRevoked, revokeSession } from './revocation'
import { auth } from './index'

/**
 * The signed-in session for this request, or null — also null when the session was
 * ended by signing out, whatever the cookie says. Every page, action and route asks
 * here (through getCtx), never `auth()` directly.
 */
export const currentSession = cache(async () => {
  const session = await sessionClaims()
  if (!session?.user?.id) return null
  if (session.sid && (await isRevoked(await getDb(), session.sid))) return null
  return session
})

/**
 * The cookie's claims, decoded once per request, *not yet checked against revocation*:
 * only for `getCtx`, which checks revocation in the same query that loads the membership.
 * The cookie is decoded directly and shaped by the same session callback Auth.js uses;
 * anything the fast path cannot read (chunked, rotated secret, expired) goes to `auth()`.
 */
export const sessionClaims = cache(async (): Promise<Session | null> => {
  const session = await anySessionClaims()
  // A session still owing its second factor is no session at all (issue 18).
  return session?.twoFactorPending ? null : session
})

const anySessionClaims = cache(async (): Promise<Session | null> => {
  const token = await decodeSessionCookie(await cookies(), process.env.AUTH_SECRET)
  if (token === null) return null
  if (token === undefined) return auth()
  const session = {
    user: { id: '', name: token.name ?? null, email: token.email ?? '', image: token.picture ?? null },
    expires: new Date((token.exp ?? 0) * 1000).toISOString(),
  } as Session
  return authConfig.callbacks.session({ session, token } as Parameters<typeof authConfig.callbacks.session>[0]) as Session
})

/** Sign-out's first step: this request's session can never be used again. */
export async function revokeCurrentSession(): Promise<void> {
  const session = await auth()
  if (session?.sid && session.user?.id) await revokeSession(await getDb(), session.sid, session.user.id)
}

/**
 * For the code page only: the person who has passed the first step and owes the second,
 * while the pending session is young enough; null otherwise (not revoked-checked here: the
 * code page's action checks that before it completes the sign-in).
 */
export async function pendingSecondFactor(): Promise<{ userId: string; sid: string } | null> {
  const session = await anySessionClaims()
  if (!session?.twoFactorPending || !session.user?.id || !session.sid) return null
  if (!session.twoFactorPendingUntil || session.twoFactorPendingUntil < Date.now() / 1000) return null
  return { userId: session.user.id, sid: session.sid }
}
