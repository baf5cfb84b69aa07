import type { Metadata } from 'next'
import Link from 'next/link'
import { ChartFigure } from '@/components/insight/chart-figure'
import { RangeFilter } from '@/components/insight/range-filter'
import { Stat } from '@/components/insight/stat'
import { PageHeader } from '@/components/ui/card'
import { getDashboard, listInsightTeams } from '@/lib/insight'
import { orNotFound, pageCtx, viewerTimeZone } from '@/lib/pages/guard'
import { formatMinutes } from '@/lib/sla/format'

export const metadata: Metadata = { title: 'Dashboard' }

const statusLabel: Record<string, string> = { new: 'New', open: 'Open', in_progress: 'In progress', pending: 'Pending', on_hold: 'On hold' }
const cap = (s: string) => s[0].toUpperCase() + s.slice(1)
const duration = (s: number | null) => (s === null ? '—' : s < 60 ? 'under 1 min' : formatMinutes(s / 60))
const n = (x: number) => x.toLocaleString('en')
/** "2026-11-08" → "8 Nov": the day as the axis and table show it. */
const shortDay = (d: string) => new Date(`${d}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' })

export default async function DashboardPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { org } = await params
  const ctx = await pageCtx(org)
  const q = await searchParams
  const timeZone = await viewerTimeZone(ctx)
  const [d, teams] = await Promise.all([
    orNotFound(getDashboard(ctx, { from: q.from, to: q.to, team: q.team }, { timeZone })),
    orNotFound(listInsightTeams(ctx)),
  ])
  const teamName = teams.find((t) => t.id === d.teamId)?.name
  const whose = d.scope === 'org' ? (teamName ? `team ${teamName}` : 'the whole organisation') : `your tickets and your teams'${teamName ? ` (${teamName} only)` : ''}`
  const concluded = d.sla.responseMet + d.sla.responseBreached + d.sla.resolutionMet + d.sla.resolutionBreached
  const query = new URLSearchParams({ from: d.range.from, to: d.range.to, ...(d.teamId ? { team: d.teamId } : {}) })
  return (
    <>
      <PageHeader title="Dashboard"
        subtitle={<>How the desk is doing: {whose}, {shortDay(d.range.from)} – {shortDay(d.range.to)} ({d.range.days.length} days, {timeZone}).</>}
        actions={<Link href={`/${org}/reports?${query}`} className="text-sm font-medium text-indigo-700 hover:underline">Reports by agent and team</Link>} />
      <RangeFilter from={d.range.from} to={d.range.to} teamId={d.teamId} teams={teams} resetHref={`/${org}/dashboard`} />

      <section aria-label="Headline figures">
        <dl className="mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Stat label="Open now" value={n(d.open.total)} note="New, open, in progress, pending or on hold" />
          <Stat label="Created" value={n(d.totals.created)} note={`Resolved: ${n(d.totals.resolved)}`} />
          <Stat label="Median first response" value={duration(d.medians.firstResponse.seconds)} note={`Over ${n(d.medians.firstResponse.n)} tickets answered in the range`} />
          <Stat label="Median resolution" value={duration(d.medians.resolution.seconds)} note={`Over ${n(d.medians.resolution.n)} tickets resolved in the range`} />
          <Stat label="SLA compliance" value={d.sla.percent === null ? '—' : `${d.sla.percent} %`}
            note={concluded ? `${n(d.sla.responseMet + d.sla.resolutionMet)} of ${n(concluded)} targets met` : 'No SLA target concluded in the range'} />
          <Stat label="Response breaches" value={n(d.sla.responseBreached)} note={`${n(d.sla.responseMet)} met`} />
          <Stat label="Resolution breaches" value={n(d.sla.resolutionBreached)} note={`${n(d.sla.resolutionMet)} met`} />
          <Stat label="CSAT" value={d.csat?.percent == null ? '—' : `${d.csat.percent} %`}
            note={!d.csat ? 'Survey results are on admins’ dashboards' : d.csat.responses
              ? `${n(d.csat.good)} of ${n(d.csat.responses)} answers good` : 'No survey answers in the range'} />
        </dl>
      </section>

      <div className="grid gap-6 lg:grid-cols-2">
        <div className="lg:col-span-2">
          <ChartFigure kind="line" title="Created vs resolved per day" xKey="day" xLabel="Day"
            summary={`${n(d.totals.created)} created and ${n(d.totals.resolved)} resolved over ${d.range.days.length} days.`}
            rows={d.daily.map((x) => ({ day: shortDay(x.day), created: x.created, resolved: x.resolved }))}
            series={[{ key: 'created', label: 'Created', color: '#4f46e5' }, { key: 'resolved', label: 'Resolved', color: '#059669' }]} />
        </div>
        <ChartFigure title="Open tickets by status" xKey="name" xLabel="Status" summary={`${n(d.open.total)} open tickets now.`}
          rows={d.open.byStatus.map((s) => ({ name: statusLabel[s.key], count: s.count }))}
          series={[{ key: 'count', label: 'Tickets', color: '#4f46e5' }]} empty="No open tickets." />
        <ChartFigure title="Open tickets by priority" xKey="name" xLabel="Priority" summary="Open tickets now, most urgent first."
          rows={d.open.byPriority.map((s) => ({ name: cap(s.key), count: s.count }))}
          series={[{ key: 'count', label: 'Tickets', color: '#d97706' }]} empty="No open tickets." />
        <ChartFigure title="Open tickets by team" xKey="name" xLabel="Team" summary="Open tickets now per team." horizontal
          rows={d.open.byTeam.map((s) => ({ name: s.name, count: s.count }))} height={Math.max(160, d.open.byTeam.length * 32)}
          series={[{ key: 'count', label: 'Tickets', color: '#0891b2' }]} empty="No open tickets." />
        <ChartFigure title="Backlog age" xKey="name" xLabel="Age" summary="Open tickets now by how long ago they were created."
          rows={d.open.byAge.map((s) => ({ name: s.label, count: s.count }))}
          series={[{ key: 'count', label: 'Tickets', color: '#7c3aed' }]} empty="No open tickets." />
        <ChartFigure title="Agent workload" xKey="name" xLabel="Assignee" summary="Open tickets now per assignee (the 15 busiest)." horizontal
          rows={d.workload.slice(0, 15).map((s) => ({ name: s.name, count: s.count }))} height={Math.max(160, Math.min(15, d.workload.length) * 32)}
          series={[{ key: 'count', label: 'Open tickets', color: '#db2777' }]} empty="No open tickets." />
        <ChartFigure title="SLA targets met and breached" xKey="name" xLabel="Target"
          summary={d.sla.percent === null ? 'No SLA target concluded in the range.' : `${d.sla.percent} % of the targets that concluded in the range were met.`}
          rows={[{ name: 'First response', met: d.sla.responseMet, breached: d.sla.responseBreached }, { name: 'Resolution', met: d.sla.resolutionMet, breached: d.sla.resolutionBreached }]}
          series={[{ key: 'met', label: 'Met', color: '#059669' }, { key: 'breached', label: 'Breached', color: '#e11d48' }]} empty="No SLA target concluded in the range." />
      </div>
      <p className="mt-6 text-xs text-slate-600">Open tickets are counted live; the per-day figures are kept up to date within seconds of a change.</p>
    </>
  )
}
