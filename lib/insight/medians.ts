import 'server-only'
import { and, gte, lt, sql, type AnyColumn } from 'drizzle-orm'
import { tickets } from '@/db/schema'
import type { DbOrTx } from '@/db/client'
import type { Ctx } from '@/lib/auth/ctx-type'
import type { DayRange } from './range'
import { dayEnd, dayStart, insightTickets } from './scope'

export type Median = { seconds: number | null; n: number }
export type MedianGroup = { key: string | null; firstResponse: Median; resolution: Median }

/**
 * Exact medians of time to first response and to resolution for tickets answered / resolved
 * in the range. Not from the rollup — a median cannot be summed from buckets — but from the
 * covering indexes on first_response_at and resolved_at: a range scan, index-only.
 * `by` groups them (per agent or team for the reports).
 */
export async function medians(db: DbOrTx, ctx: Ctx, range: DayRange, teamId?: string, by?: 'agent' | 'team'): Promise<MedianGroup[]> {
  const key = by === 'agent' ? tickets.assigneeId : by === 'team' ? tickets.teamId : null
  const one = (at: AnyColumn) => {
    const q = db.select({
      key: key ? sql<string | null>`${key}` : sql<null>`null`,
      seconds: sql<number | null>`percentile_cont(0.5) within group (order by extract(epoch from ${at} - ${tickets.createdAt}))`,
      n: sql<number>`count(*)::int`,
    }).from(tickets).where(and(insightTickets(ctx, teamId), gte(at, dayStart(range.from, range.timeZone)), lt(at, dayEnd(range.to, range.timeZone))))
    return key ? q.groupBy(key) : q
  }
  const [fr, res] = await Promise.all([one(tickets.firstResponseAt), one(tickets.resolvedAt)])
  const keys = new Set([...fr, ...res].map((r) => r.key))
  if (!key) keys.add(null)
  const num = (v: number | string | null) => (v === null ? null : Math.round(Number(v)))
  const pick = (rows: typeof fr, k: string | null): Median => {
    const r = rows.find((x) => x.key === k)
    return { seconds: r ? num(r.seconds) : null, n: r?.n ?? 0 }
  }
  return [...keys].map((k) => ({ key: k, firstResponse: pick(fr, k), resolution: pick(res, k) }))
}
