import 'server-only'
import { and, gte, lt, sql } from 'drizzle-orm'
import { ticketRollups } from '@/db/schema'
import type { DbOrTx } from '@/db/client'
import type { Ctx } from '@/lib/auth/ctx-type'
import type { DayRange } from './range'
import { dayEnd, dayStart, insightRollups } from './scope'

export type RollupSums = { created: number; resolved: number; responseMet: number; responseBreached: number; resolutionMet: number; resolutionBreached: number }
export type RollupGroup = RollupSums & { key: string | null }

const sums = {
  created: sql<number>`coalesce(sum(${ticketRollups.created}), 0)::int`,
  resolved: sql<number>`coalesce(sum(${ticketRollups.resolved}), 0)::int`,
  responseMet: sql<number>`coalesce(sum(${ticketRollups.responseMet}), 0)::int`,
  responseBreached: sql<number>`coalesce(sum(${ticketRollups.responseBreached}), 0)::int`,
  resolutionMet: sql<number>`coalesce(sum(${ticketRollups.resolutionMet}), 0)::int`,
  resolutionBreached: sql<number>`coalesce(sum(${ticketRollups.resolutionBreached}), 0)::int`,
}

const inRange = (ctx: Ctx, range: DayRange, teamId?: string) => and(insightRollups(ctx, teamId),
  gte(ticketRollups.hour, dayStart(range.from, range.timeZone)), lt(ticketRollups.hour, dayEnd(range.to, range.timeZone)))

/**
 * Created, resolved and SLA outcomes per viewer's day, summed from the hourly rollup: a day
 * in the viewer's zone is the hours whose start falls in it (exact for zones a whole number
 * of hours from UTC; a half-hour zone's day edge is off by that half hour).
 */
export async function dailySums(db: DbOrTx, ctx: Ctx, range: DayRange, teamId?: string): Promise<(RollupSums & { day: string })[]> {
  const day = sql<string>`to_char(${ticketRollups.hour} at time zone ${range.timeZone}, 'YYYY-MM-DD')`
  const rows = await db.select({ day, ...sums }).from(ticketRollups).where(inRange(ctx, range, teamId)).groupBy(sql`1`)
  const byDay = new Map(rows.map((r) => [r.day, r]))
  const zero = { created: 0, resolved: 0, responseMet: 0, responseBreached: 0, resolutionMet: 0, resolutionBreached: 0 }
  return range.days.map((d) => ({ ...zero, ...byDay.get(d), day: d }))
}

/** The same sums over the whole range, per agent or per team (the reports). */
export async function groupSums(db: DbOrTx, ctx: Ctx, range: DayRange, by: 'agent' | 'team', teamId?: string): Promise<RollupGroup[]> {
  const key = by === 'agent' ? ticketRollups.assigneeId : ticketRollups.teamId
  return db.select({ key: sql<string | null>`${key}`, ...sums }).from(ticketRollups).where(inRange(ctx, range, teamId)).groupBy(key)
}

/** SLA compliance: met over concluded targets (both targets together), one decimal; null when none concluded. */
export function compliancePercent(s: Pick<RollupSums, 'responseMet' | 'responseBreached' | 'resolutionMet' | 'resolutionBreached'>): number | null {
  const met = s.responseMet + s.resolutionMet
  const all = met + s.responseBreached + s.resolutionBreached
  return all ? Math.round((1000 * met) / all) / 10 : null
}
