import 'server-only'
import { and, gte, lt, sql, type AnyColumn, type SQL } from 'drizzle-orm'
import { ticketRollups, tickets } from '@/db/schema'
import type { DbOrTx } from '@/db/client'
import type { Ctx } from '@/lib/auth/ctx-type'
import type { DayRange } from './range'
import { dayEnd, dayStart, insightRollups, insightTickets } from './scope'

export type RollupSums = { created: number; resolved: number; responseMet: number; responseBreached: number; resolutionMet: number; resolutionBreached: number }
export type SumGroup = RollupSums & { key: string | null }
export type SumBy = 'day' | 'agent' | 'team'

const zero = (): RollupSums => ({ created: 0, resolved: 0, responseMet: 0, responseBreached: 0, resolutionMet: 0, resolutionBreached: 0 })
const int = (e: SQL) => sql<number>`coalesce(${e}, 0)::int`

/**
 * Created, resolved and SLA outcomes over the viewer's days, per day, agent or team.
 *
 * An admin's organisation-wide series comes from the hourly rollup (index-only over the
 * range's buckets: two per hour, however many tickets). A viewer's day is the hours whose
 * start falls in it — exact for zones a whole number of hours from UTC. Everything narrower
 * (one team, per agent or team, an agent's own and teams' tickets) counts the tickets over
 * covering indexes on created_at, first_response_at and resolved_at (index-only; built on
 * visibleTickets like every other query).
 */
export async function rangeSums(db: DbOrTx, ctx: Ctx, range: DayRange, by: SumBy, teamId?: string): Promise<SumGroup[]> {
  return ctx.role === 'admin' && by === 'day' && !teamId ? fromRollup(db, ctx, range) : fromTickets(db, ctx, range, by, teamId)
}

async function fromRollup(db: DbOrTx, ctx: Ctx, range: DayRange): Promise<SumGroup[]> {
  const r = ticketRollups
  return db.select({
    key: sql<string>`to_char(${r.hour} at time zone ${range.timeZone}, 'YYYY-MM-DD')`,
    created: int(sql`sum(${r.created})`), resolved: int(sql`sum(${r.resolved})`),
    responseMet: int(sql`sum(${r.responseMet})`), responseBreached: int(sql`sum(${r.responseBreached})`),
    resolutionMet: int(sql`sum(${r.resolutionMet})`), resolutionBreached: int(sql`sum(${r.resolutionBreached})`),
  }).from(r)
    .where(and(insightRollups(ctx), gte(r.hour, dayStart(range.from, range.timeZone)), lt(r.hour, dayEnd(range.to, range.timeZone))))
    // By position: the zone is a parameter, and Postgres matches GROUP BY expressions by text.
    .groupBy(sql`1`)
}

async function fromTickets(db: DbOrTx, ctx: Ctx, range: DayRange, by: SumBy, teamId?: string): Promise<SumGroup[]> {
  const t = tickets
  const keyOf = (at: AnyColumn) => by === 'day' ? sql<string>`to_char(${at} at time zone ${range.timeZone}, 'YYYY-MM-DD')`
    : sql<string | null>`${by === 'agent' ? t.assigneeId : t.teamId}`
  const within = (at: AnyColumn) => and(insightTickets(ctx, teamId), gte(at, dayStart(range.from, range.timeZone)), lt(at, dayEnd(range.to, range.timeZone)))
  // The same met / breached rule as the rollup's SQL function (migration 0020) and lib/sla/status-sql.ts.
  const responseBreached = sql`${t.slaPolicyId} is not null and coalesce(${t.firstResponseAt} > ${t.responseDueAt}, false)`
  const resolutionBreached = sql`${t.slaPolicyId} is not null and coalesce(${t.resolutionDueAt} < ${t.resolvedAt}, false)`
  const n = (cond: SQL) => sql<number>`(count(*) filter (where ${cond}))::int`
  const [created, responded, resolved] = await Promise.all([
    db.select({ key: keyOf(t.createdAt), n: sql<number>`count(*)::int` }).from(t).where(within(t.createdAt)).groupBy(sql`1`),
    db.select({
      key: keyOf(t.firstResponseAt), met: n(sql`${t.slaPolicyId} is not null and not (${responseBreached})`), breached: n(responseBreached),
    }).from(t).where(within(t.firstResponseAt)).groupBy(sql`1`),
    db.select({
      key: keyOf(t.resolvedAt), n: sql<number>`count(*)::int`,
      met: n(sql`${t.slaPolicyId} is not null and not (${resolutionBreached})`), breached: n(resolutionBreached),
    }).from(t).where(within(t.resolvedAt)).groupBy(sql`1`),
  ])
  const out = new Map<string | null, SumGroup>()
  const row = (key: string | null) => out.get(key) ?? out.set(key, { key, ...zero() }).get(key)!
  for (const r of created) row(r.key).created = r.n
  for (const r of responded) Object.assign(row(r.key), { responseMet: r.met, responseBreached: r.breached })
  for (const r of resolved) Object.assign(row(r.key), { resolved: r.n, resolutionMet: r.met, resolutionBreached: r.breached })
  return [...out.values()]
}

/** Per viewer's day of the range, zeros included. */
export async function dailySums(db: DbOrTx, ctx: Ctx, range: DayRange, teamId?: string): Promise<(RollupSums & { day: string })[]> {
  const byDay = new Map((await rangeSums(db, ctx, range, 'day', teamId)).map((r) => [r.key, r]))
  return range.days.map((day) => {
    const s = byDay.get(day) ?? zero()
    return { day, created: s.created, resolved: s.resolved, responseMet: s.responseMet, responseBreached: s.responseBreached,
      resolutionMet: s.resolutionMet, resolutionBreached: s.resolutionBreached }
  })
}

/** SLA compliance: met over concluded targets (both targets together), one decimal; null when none concluded. */
export function compliancePercent(s: Pick<RollupSums, 'responseMet' | 'responseBreached' | 'resolutionMet' | 'resolutionBreached'>): number | null {
  const met = s.responseMet + s.resolutionMet
  const all = met + s.responseBreached + s.resolutionBreached
  return all ? Math.round((1000 * met) / all) / 10 : null
}
