import type { Metadata } from 'next'
import Link from 'next/link'
import { RangeFilter } from '@/components/insight/range-filter'
import { buttonClass } from '@/components/ui/button'
import { EmptyState, PageHeader } from '@/components/ui/card'
import { getReport, listInsightTeams, reportKinds, type ReportKind } from '@/lib/insight'
import { orNotFound, pageCtx, viewerTimeZone } from '@/lib/pages/guard'
import { formatMinutes } from '@/lib/sla/format'

export const metadata: Metadata = { title: 'Reports' }

const duration = (s: number | null) => (s === null ? '—' : s < 60 ? 'under 1 min' : formatMinutes(s / 60))
const n = (x: number) => x.toLocaleString('en')

export default async function ReportsPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { org } = await params
  const ctx = await pageCtx(org)
  const q = await searchParams
  const by: ReportKind = (reportKinds as readonly string[]).includes(q.by ?? '') ? (q.by as ReportKind) : 'agent'
  const timeZone = await viewerTimeZone(ctx)
  const [r, teams] = await Promise.all([
    orNotFound(getReport(ctx, { from: q.from, to: q.to, team: q.team }, { by, timeZone })),
    orNotFound(listInsightTeams(ctx)),
  ])
  const range = { from: r.range.from, to: r.range.to, ...(r.teamId ? { team: r.teamId } : {}) }
  const href = (extra: Record<string, string>) => `?${new URLSearchParams({ ...range, ...extra })}`
  const label = by === 'agent' ? 'Agent' : 'Team'
  return (
    <>
      <PageHeader title="Reports"
        subtitle={<>The dashboard&apos;s figures per {by}, {r.range.from} to {r.range.to} ({timeZone}){r.scope === 'mine' ? ' — your tickets and your teams\'' : ''}.</>}
        actions={<a href={`/${org}/reports/export${href({ by })}`} download className={buttonClass('secondary')}>Download CSV</a>} />
      <RangeFilter from={r.range.from} to={r.range.to} teamId={r.teamId} teams={teams} extra={{ by }} resetHref={`/${org}/reports?by=${by}`} />
      <nav aria-label="Report by" className="mb-4 flex gap-1 text-sm">
        {reportKinds.map((k) => (
          <Link key={k} href={href({ by: k })} aria-current={by === k ? 'page' : undefined}
            className={`rounded px-3 py-1.5 ${by === k ? 'bg-indigo-50 font-semibold text-indigo-700' : 'text-slate-600 hover:bg-slate-100'}`}>
            By {k}
          </Link>
        ))}
      </nav>
      {r.rows.length === 0 ? (
        <EmptyState title="Nothing to report">No tickets were created, answered or resolved in this range, and none is open.</EmptyState>
      ) : (
        <div tabIndex={0} role="region" aria-label="Figures" className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">Figures per {by}, {r.range.from} to {r.range.to}</caption>
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-3">{label}</th>
                <th scope="col" className="px-4 py-3 text-right">Open now</th>
                <th scope="col" className="px-4 py-3 text-right">Created</th>
                <th scope="col" className="px-4 py-3 text-right">Resolved</th>
                <th scope="col" className="px-4 py-3 text-right">Median first response</th>
                <th scope="col" className="px-4 py-3 text-right">Median resolution</th>
                <th scope="col" className="px-4 py-3 text-right">SLA breaches</th>
                <th scope="col" className="px-4 py-3 text-right">SLA compliance</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {r.rows.map((row) => (
                <tr key={row.key ?? 'none'}>
                  <th scope="row" className={`whitespace-nowrap px-4 py-2 text-left font-medium ${row.key ? 'text-slate-900' : 'text-slate-600'}`}>{row.name}</th>
                  <td className="px-4 py-2 text-right tabular-nums">{n(row.open)}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{n(row.created)}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{n(row.resolved)}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{duration(row.medianFirstResponseSeconds)}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{duration(row.medianResolutionSeconds)}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{n(row.responseBreached + row.resolutionBreached)}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{row.slaPercent === null ? '—' : `${row.slaPercent} %`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="mt-4 text-xs text-slate-600">Per agent, a ticket counts for whoever holds it now. Open is live; created, resolved and SLA outcomes count events in the range.</p>
    </>
  )
}
