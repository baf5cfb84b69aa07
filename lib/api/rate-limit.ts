import 'server-only'
import { lt, sql } from 'drizzle-orm'
import { apiRateWindows } from '@/db/schema'
import type { DbOrTx } from '@/db/client'

/** Requests per caller per minute; `API_RATE_LIMIT` changes it for the whole installation. */
export const rateLimit = () => Math.max(1, Number(process.env.API_RATE_LIMIT) || 600)

export type RateState = { limit: number; remaining: number; resetSeconds: number; exceeded: boolean }

/**
 * Counts this request in the caller's current one-minute window, in one statement (an
 * upsert), and says what is left. Old windows are swept now and then on the way.
 */
export async function countRequest(db: DbOrTx, orgId: string, caller: string): Promise<RateState> {
  const limit = rateLimit()
  const [row] = await db.insert(apiRateWindows)
    .values({ organizationId: orgId, caller, windowStart: sql`date_trunc('minute', now())` })
    .onConflictDoUpdate({ target: [apiRateWindows.organizationId, apiRateWindows.caller, apiRateWindows.windowStart], set: { hits: sql`${apiRateWindows.hits} + 1` } })
    .returning({ hits: apiRateWindows.hits, reset: sql<number>`60 - extract(second from now())::int` })
  if (Math.random() < 0.01) await db.delete(apiRateWindows).where(lt(apiRateWindows.windowStart, sql`now() - interval '10 minutes'`))
  return { limit, remaining: Math.max(0, limit - row.hits), resetSeconds: Math.max(1, Number(row.reset)), exceeded: row.hits > limit }
}

/** The IETF RateLimit header fields (draft-ietf-httpapi-ratelimit-headers), on every response. */
export const rateHeaders = (s: RateState): Record<string, string> => ({
  'ratelimit-limit': String(s.limit),
  'ratelimit-remaining': String(s.remaining),
  'ratelimit-reset': String(s.resetSeconds),
  'ratelimit-policy': `${s.limit};w=60`,
})
