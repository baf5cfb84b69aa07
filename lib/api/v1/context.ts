import 'server-only'
import { getDb } from '@/db/client'
import type { Ctx } from '@/lib/auth/ctx-type'
import { clientIp } from '@/lib/http/client-ip'
import { tokenCtx } from '@/lib/api-tokens/tokens'
import { sameOrigin } from '@/lib/attachments/http'
import { ForbiddenError, UnauthorizedError } from '@/lib/errors'

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Who is calling `/api/v1/<org>/…`: a bearer token (its owner's membership, narrowed to
 * its scopes), or else the signed-in browser session. A session may change things only
 * from a page of this app: a write must carry a same-origin `Origin` header, so another
 * site cannot make a signed-in browser call the API (CSRF).
 */
export async function apiCtx(req: Request, orgSlug: string): Promise<Ctx> {
  const auth = req.headers.get('authorization')
  if (auth !== null) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(auth)
    if (!m) throw new UnauthorizedError('Send the token as "Authorization: Bearer <token>"')
    return tokenCtx(await getDb(), orgSlug, m[1]!, clientIp(req.headers))
  }
  if (!SAFE.has(req.method) && (!req.headers.get('origin') || !sameOrigin(req))) {
    throw new ForbiddenError('A signed-in session may only write from this app; integrations use an API token')
  }
  // Loaded only here: a token request never touches the session machinery (Auth.js).
  const { getCtx } = await import('@/lib/auth/ctx')
  return getCtx(orgSlug)
}

/** The caller the rate limit and idempotency keys count: the token, or the person. */
export const callerOf = (ctx: Ctx): string =>
  ctx.actor.kind === 'apiToken' ? `token:${ctx.actor.tokenId}` : `user:${ctx.user.id}`
