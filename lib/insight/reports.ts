import 'server-only'
import type { Ctx } from '@/lib/auth/ctx-type'
import { dbFor } from '@/lib/db/tx'
import { csvLine, CSV_BOM } from '@/lib/format/csv'
import { compliancePercent, rangeSums } from './sums'
import { openCounts } from './live'
import { medians } from './medians'
import { namesFor } from './names'
import { InsightQuery, resolveRange } from './range'
import { authorizeInsight, insightScope } from './scope'

export const reportKinds = ['agent', 'team'] as const
export type ReportKind = (typeof reportKinds)[number]

export type ReportRow = {
  key: string | null; name: string; open: number; created: number; resolved: number
  medianFirstResponseSeconds: number | null; medianResolutionSeconds: number | null
  responseMet: number; responseBreached: number; resolutionMet: number; resolutionBreached: number; slaPercent: number | null
}

/**
 * The dashboard's figures per agent (by assignee) or per team over the range, under the same
 * rules: admins every agent / team, agents the rows of their own and their teams' tickets.
 * "Created" per agent counts the tickets created in the range that they now hold.
 */
export async function getReport(ctx: Ctx, raw: unknown, opts: { by: ReportKind; timeZone: string; now?: Date }) {
  authorizeInsight(ctx)
  const q = InsightQuery.parse(raw ?? {})
  const range = resolveRange(q, opts.timeZone, opts.now)
  const db = await dbFor(ctx)
  const [sums, meds, open] = await Promise.all([
    rangeSums(db, ctx, range, opts.by, q.team), medians(db, ctx, range, q.team, opts.by), openCounts(db, ctx, q.team),
  ])
  const openBy = opts.by === 'agent' ? open.assignee : open.team
  const keys = [...new Set([...sums.map((s) => s.key), ...meds.map((m) => m.key), ...openBy.keys()])]
  const names = await namesFor(db, ctx, opts.by === 'agent' ? { teams: [], users: keys } : { teams: keys, users: [] })
  const rows: ReportRow[] = keys.map((key) => {
    const s = sums.find((x) => x.key === key) ?? { created: 0, resolved: 0, responseMet: 0, responseBreached: 0, resolutionMet: 0, resolutionBreached: 0 }
    const m = meds.find((x) => x.key === key)
    return {
      key, name: opts.by === 'agent' ? names.user(key) : names.team(key), open: openBy.get(key) ?? 0,
      created: s.created, resolved: s.resolved,
      medianFirstResponseSeconds: m?.firstResponse.seconds ?? null, medianResolutionSeconds: m?.resolution.seconds ?? null,
      responseMet: s.responseMet, responseBreached: s.responseBreached, resolutionMet: s.resolutionMet, resolutionBreached: s.resolutionBreached,
      slaPercent: compliancePercent(s),
    }
  })
  // People and teams by name; the "Unassigned" / "No team" row last.
  rows.sort((a, b) => Number(a.key === null) - Number(b.key === null) || a.name.localeCompare(b.name))
  return { range, teamId: q.team ?? null, scope: insightScope(ctx), by: opts.by, rows }
}
export type Report = Awaited<ReturnType<typeof getReport>>

const hours = (s: number | null) => (s === null ? '' : (s / 3600).toFixed(2))

/** The report as CSV (Excel-safe cells, BOM), with the range and zone in the file name. */
export async function reportCsv(ctx: Ctx, raw: unknown, opts: { by: ReportKind; timeZone: string; now?: Date }) {
  const report = await getReport(ctx, raw, opts)
  const head = [opts.by === 'agent' ? 'Agent' : 'Team', 'Open now', 'Created', 'Resolved', 'Median first response (h)', 'Median resolution (h)',
    'Response met', 'Response breached', 'Resolution met', 'Resolution breached', 'SLA compliance %']
  const body = report.rows.map((r) => csvLine([r.name, r.open, r.created, r.resolved, hours(r.medianFirstResponseSeconds), hours(r.medianResolutionSeconds),
    r.responseMet, r.responseBreached, r.resolutionMet, r.resolutionBreached, r.slaPercent ?? '']))
  const filename = `${ctx.org.slug}-report-by-${opts.by}-${report.range.from}-to-${report.range.to}.csv`
  return { filename, body: CSV_BOM + csvLine(head) + body.join('') }
}
