import 'server-only'
import { cache } from 'react'
import { getDb } from '@/db/client'
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
 */
export const sessionClaims = cache(() => auth())

/** Sign-out's first step: this request's session can never be used again. */
export async function revokeCurrentSession(): Promise<void> {
  const session = await auth()
  if (session?.sid && session.user?.id) await revokeSession(await getDb(), session.sid, session.user.id)
}
