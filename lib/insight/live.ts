import 'server-only'
import { and, inArray, sql } from 'drizzle-orm'
import { tickets } from '@/db/schema'
import type { DbOrTx } from '@/db/client'
import type { Ctx } from '@/lib/auth/ctx-type'
import { openStatuses } from '@/lib/tickets/workflow'
import { insightTickets } from './scope'

/** Backlog age buckets, by how long ago an open ticket was created. */
export const ageBuckets = [
  { key: 'lt1d', label: 'Under 1 day', upToDays: 1 },
  { key: '1to3d', label: '1–3 days', upToDays: 3 },
  { key: '3to7d', label: '3–7 days', upToDays: 7 },
  { key: '7to30d', label: '7–30 days', upToDays: 30 },
  { key: 'gt30d', label: 'Over 30 days', upToDays: null },
] as const
export type AgeBucket = (typeof ageBuckets)[number]['key']

// Constants inlined (not parameters), so the GROUP BY expression is the select's own.
const ageSql = sql<AgeBucket>`(case
  ${sql.join(ageBuckets.filter((b) => b.upToDays !== null).map((b) => sql`when ${tickets.createdAt} > now() - interval '${sql.raw(String(b.upToDays))} days' then '${sql.raw(b.key)}'`), sql` `)}
  else 'gt30d' end)`

export type OpenGroup = { status: string; priority: string; teamId: string | null; assigneeId: string | null; age: AgeBucket; n: number }

/**
 * Open tickets now, grouped by everything the dashboard breaks them down by, in one pass over
 * the open-tickets index (tickets_org_open_insight_idx: index-only, the visibility columns
 * trail). Open tickets are a small share of a desk's history, so this stays a live count.
 */
export async function openGroups(db: DbOrTx, ctx: Ctx, teamId?: string): Promise<OpenGroup[]> {
  return db.select({
    status: tickets.status, priority: tickets.priority, teamId: tickets.teamId, assigneeId: tickets.assigneeId,
    age: ageSql, n: sql<number>`count(*)::int`,
  }).from(tickets)
    .where(and(insightTickets(ctx, teamId), inArray(tickets.status, [...openStatuses])))
    .groupBy(tickets.status, tickets.priority, tickets.teamId, tickets.assigneeId, ageSql)
}
