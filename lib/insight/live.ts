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

export type OpenCounts = {
  total: number
  status: Map<string, number>; priority: Map<string, number>; team: Map<string | null, number>
  assignee: Map<string | null, number>; age: Map<AgeBucket, number>
}

/**
 * Open tickets now, counted by status, priority, team, assignee and age in one pass over the
 * open-tickets index (tickets_org_open_insight_idx: index-only, the visibility columns
 * trail) with GROUPING SETS, so a big org sends back a row per assignee, not per combination.
 * Open tickets are a small share of a desk's history, so this stays a live count.
 */
export async function openCounts(db: DbOrTx, ctx: Ctx, teamId?: string): Promise<OpenCounts> {
  const rows = await db.select({
    dim: sql<'status' | 'priority' | 'team' | 'assignee' | 'age'>`(case when grouping(${tickets.status}) = 0 then 'status'
      when grouping(${tickets.priority}) = 0 then 'priority' when grouping(${tickets.teamId}) = 0 then 'team'
      when grouping(${tickets.assigneeId}) = 0 then 'assignee' else 'age' end)`,
    status: tickets.status, priority: tickets.priority, teamId: tickets.teamId, assigneeId: tickets.assigneeId,
    age: ageSql, n: sql<number>`count(*)::int`,
  }).from(tickets)
    .where(and(insightTickets(ctx, teamId), inArray(tickets.status, [...openStatuses])))
    .groupBy(sql`grouping sets ((${tickets.status}), (${tickets.priority}), (${tickets.teamId}), (${tickets.assigneeId}), (${ageSql}))`)
  const out: OpenCounts = { total: 0, status: new Map(), priority: new Map(), team: new Map(), assignee: new Map(), age: new Map() }
  for (const r of rows) {
    if (r.dim === 'status') { out.status.set(r.status, r.n); out.total += r.n }
    else if (r.dim === 'priority') out.priority.set(r.priority, r.n)
    else if (r.dim === 'team') out.team.set(r.teamId, r.n)
    else if (r.dim === 'assignee') out.assignee.set(r.assigneeId, r.n)
    else out.age.set(r.age, r.n)
  }
  return out
}
