import 'server-only'
import { TZDate } from '@date-fns/tz'
import type { Ctx } from '@/lib/auth/ctx-type'
import { csatSummary } from '@/lib/csat'
import type { DayRange } from './range'

/** The first instant of a viewer's day ('2026-11-08' in their zone). */
const startOf = (day: string, timeZone: string, plusDays = 0) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return new TZDate(y, m - 1, d + plusDays, timeZone)
}

/**
 * CSAT for the dashboard (§12): the share of "good" among the survey answers given in the
 * viewer's days, for the organisation or one team. Admins only (csatSummary's rule); an
 * agent's dashboard shows none rather than colleagues' ratings.
 */
export async function csatOf(ctx: Ctx, range: DayRange, teamId: string | undefined): Promise<{ responses: number; good: number; percent: number | null } | null> {
  if (ctx.role !== 'admin') return null
  const summary = await csatSummary(ctx, { from: startOf(range.from, range.timeZone), to: new Date(startOf(range.to, range.timeZone, 1).getTime() - 1) })
  const row: { answered: number; good: number } | undefined = teamId ? summary.byTeam.find((t) => t.teamId === teamId) : summary.total
  const responses = row?.answered ?? 0
  const good = row?.good ?? 0
  return { responses, good, percent: responses ? Math.round((100 * good) / responses) : null }
}
