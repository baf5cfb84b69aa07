import 'server-only'
import { cache } from 'react'
import { headers } from 'next/headers'
import { getDb } from '@/db/client'
import { TwoFactorRequiredError, UnauthorizedError } from '@/lib/errors'
import { loadCtx } from './load-ctx'
import type { Ctx } from './ctx-type'
import { currentSession, sessionClaims } from './session'
import { clientIp } from '@/lib/http/client-ip'

export type { Ctx } from './ctx-type'
export { loadCtx } from './load-ctx'

/**
 * The signed-in user's context for `orgSlug`, once per request. The session's revocation
 * is checked by the same query that loads the membership (one round trip, not two).
 */
export const getCtx = cache(async (orgSlug: string): Promise<Ctx> => {
  const ctx = await getCtxForEnrolment(orgSlug)
  if (ctx.mustEnrolTwoFactor) throw new TwoFactorRequiredError(orgSlug)
  return ctx
})

/**
 * As getCtx, but also for staff who must still set up two-factor: only the security page
 * and its actions, which are how they set it up, use this.
 */
export const getCtxForEnrolment = cache(async (orgSlug: string): Promise<Ctx> => {
  const session = await sessionClaims()
  if (!session?.user?.id) throw new UnauthorizedError()
  return loadCtx(await getDb(), session.user.id, orgSlug, clientIp(await headers()), { sid: session.sid })
})

export const getSessionUser = cache(async () => {
  const session = await currentSession()
  return session?.user?.id ? { id: session.user.id, email: session.user.email ?? '', name: session.user.name ?? '' } : null
})
