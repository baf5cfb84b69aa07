import 'server-only'
import type { Ctx } from '@/lib/auth/ctx-type'
import { dbFor } from '@/lib/db/tx'
import { ticketPriorities } from '@/db/enums'
import { openStatuses } from '@/lib/tickets/workflow'
import { compliancePercent, dailySums } from './daily'
import { ageBuckets, openGroups } from './live'
import { medians } from './medians'
import { namesFor } from './names'
import { InsightQuery, resolveRange } from './range'
import { authorizeInsight, insightScope } from './scope'

const count = <K extends string | null>(rows: { k: K; n: number }[]) => {
  const m = new Map<K, number>()
  for (const r of rows) m.set(r.k, (m.get(r.k) ?? 0) + r.n)
  return m
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
  const open = await openGroups(db, ctx, q.team)
  const daily = await dailySums(db, ctx, range, q.team)
  const [median] = await medians(db, ctx, range, q.team)
  const names = await namesFor(db, ctx, { teams: open.map((g) => g.teamId), users: open.map((g) => g.assigneeId) })

  const byStatus = count(open.map((g) => ({ k: g.status, n: g.n })))
  const byPriority = count(open.map((g) => ({ k: g.priority, n: g.n })))
  const byAge = count(open.map((g) => ({ k: g.age, n: g.n })))
  const byTeam = count(open.map((g) => ({ k: g.teamId, n: g.n })))
  const byAssignee = count(open.map((g) => ({ k: g.assigneeId, n: g.n })))
  const totals = daily.reduce((a, d) => ({
    created: a.created + d.created, resolved: a.resolved + d.resolved,
    responseMet: a.responseMet + d.responseMet, responseBreached: a.responseBreached + d.responseBreached,
    resolutionMet: a.resolutionMet + d.resolutionMet, resolutionBreached: a.resolutionBreached + d.resolutionBreached,
  }), { created: 0, resolved: 0, responseMet: 0, responseBreached: 0, resolutionMet: 0, resolutionBreached: 0 })
  const sorted = <K>(m: Map<K, number>) => [...m].sort((a, b) => b[1] - a[1])

  return {
    range, teamId: q.team ?? null, scope: insightScope(ctx),
    open: {
      total: open.reduce((a, g) => a + g.n, 0),
      byStatus: openStatuses.map((s) => ({ key: s, count: byStatus.get(s) ?? 0 })),
      byPriority: [...ticketPriorities].reverse().map((p) => ({ key: p, count: byPriority.get(p) ?? 0 })),
      byTeam: sorted(byTeam).map(([id, n]) => ({ key: id, name: names.team(id), count: n })),
      byAge: ageBuckets.map((b) => ({ key: b.key, label: b.label, count: byAge.get(b.key) ?? 0 })),
    },
    workload: sorted(byAssignee).map(([id, n]) => ({ key: id, name: names.user(id), count: n })),
    daily: daily.map((d) => ({ day: d.day, created: d.created, resolved: d.resolved })),
    totals: { created: totals.created, resolved: totals.resolved },
    medians: { firstResponse: median.firstResponse, resolution: median.resolution },
    sla: {
      responseMet: totals.responseMet, responseBreached: totals.responseBreached,
      resolutionMet: totals.resolutionMet, resolutionBreached: totals.resolutionBreached, percent: compliancePercent(totals),
    },
    // CSAT waits for the satisfaction survey (§13); until it lands there is nothing to show.
    csat: null as null | { responses: number; percent: number },
  }
}
export type Dashboard = Awaited<ReturnType<typeof getDashboard>>
