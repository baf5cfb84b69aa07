import 'server-only'
import type { Ctx } from '@/lib/auth/ctx-type'
import { dbFor } from '@/lib/db/tx'
import { ticketPriorities } from '@/db/enums'
import { openStatuses } from '@/lib/tickets/workflow'
import { compliancePercent, dailySums } from './sums'
import { ageBuckets, openCounts } from './live'
import { medians } from './medians'
import { namesFor } from './names'
import { InsightQuery, resolveRange, type DayRange } from './range'
import { authorizeInsight, insightScope } from './scope'
import { TZDate } from '@date-fns/tz'
import { csatSummary } from '@/lib/csat'

export const WORKLOAD_TOP = 50

/**
 * The first instant of a viewer's day ('2026-11-08' in their zone), as a Date: csatSummary
 * takes instants, where the other figures use scope.ts's dayStart/dayEnd SQL directly.
 */
const startOf = (day: string, timeZone: string, plusDays = 0) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return new TZDate(y, m - 1, d + plusDays, timeZone)
}

/**
 * CSAT for the dashboard (§12): the share of "good" among the survey answers given in the
 * viewer's days, for the organisation or one team. Admins only (csatSummary's rule); an
 * agent's dashboard shows none rather than colleagues' ratings.
 */
async function csatOf(ctx: Ctx, range: DayRange, teamId: string | undefined): Promise<{ responses: number; good: number; percent: number | null } | null> {
  if (ctx.role !== 'admin') return null
  const summary = await csatSummary(ctx, { from: startOf(range.from, range.timeZone), to: new Date(startOf(range.to, range.timeZone, 1).getTime() - 1) })
  const row: { answered: number; good: number } | undefined = teamId ? summary.byTeam.find((t) => t.teamId === teamId) : summary.total
  const responses = row?.answered ?? 0
  const good = row?.good ?? 0
  return { responses, good, percent: responses ? Math.round((100 * good) / responses) : null }
}

/**
 * Every figure of the dashboard (§12) for this person, over the viewer's days: open tickets
 * now by status, priority, team, age and assignee (live, from the open-tickets index);
 * created vs resolved per day and SLA compliance (the hourly rollup); median first-response
 * and resolution times (exact, from the indexes). Admins see the organisation; agents their
 * own and their teams' tickets; nobody a ticket the visibility rule hides.
 */
export async function getDashboard(ctx: Ctx, raw: unknown, opts: { timeZone: string; now?: Date }) {
  authorizeInsight(ctx)
  const q = InsightQuery.parse(raw ?? {})
  const range = resolveRange(q, opts.timeZone, opts.now)
  const db = await dbFor(ctx)
  // Independent reads: on Postgres they run side by side on the pool (PGlite queues them).
  const [open, daily, [median], csat] = await Promise.all([
    openCounts(db, ctx, q.team), dailySums(db, ctx, range, q.team), medians(db, ctx, range, q.team), csatOf(ctx, range, q.team),
  ])
  const sorted = <K>(m: Map<K, number>) => [...m].sort((a, b) => b[1] - a[1])
  // The busiest 50 are plenty for a chart; the reports list everyone.
  const workload = sorted(open.assignee).slice(0, WORKLOAD_TOP)
  const names = await namesFor(db, ctx, { teams: [...open.team.keys()], users: workload.map(([id]) => id) })
  const totals = daily.reduce((a, d) => ({
    created: a.created + d.created, resolved: a.resolved + d.resolved,
    responseMet: a.responseMet + d.responseMet, responseBreached: a.responseBreached + d.responseBreached,
    resolutionMet: a.resolutionMet + d.resolutionMet, resolutionBreached: a.resolutionBreached + d.resolutionBreached,
  }), { created: 0, resolved: 0, responseMet: 0, responseBreached: 0, resolutionMet: 0, resolutionBreached: 0 })

  return {
    range, teamId: q.team ?? null, scope: insightScope(ctx),
    open: {
      total: open.total,
      byStatus: openStatuses.map((s) => ({ key: s, count: open.status.get(s) ?? 0 })),
      byPriority: [...ticketPriorities].reverse().map((p) => ({ key: p, count: open.priority.get(p) ?? 0 })),
      byTeam: sorted(open.team).map(([id, n]) => ({ key: id, name: names.team(id), count: n })),
      byAge: ageBuckets.map((b) => ({ key: b.key, label: b.label, count: open.age.get(b.key) ?? 0 })),
    },
    workload: workload.map(([id, n]) => ({ key: id, name: names.user(id), count: n })),
    daily: daily.map((d) => ({ day: d.day, created: d.created, resolved: d.resolved })),
    totals: { created: totals.created, resolved: totals.resolved },
    medians: { firstResponse: median.firstResponse, resolution: median.resolution },
    sla: {
      responseMet: totals.responseMet, responseBreached: totals.responseBreached,
      resolutionMet: totals.resolutionMet, resolutionBreached: totals.resolutionBreached, percent: compliancePercent(totals),
    },
    /** Survey answers given in the range (admins; null for agents, whose survey results are not theirs to see). */
    csat,
  }
}
export type Dashboard = Awaited<ReturnType<typeof getDashboard>>
