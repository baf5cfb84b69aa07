import type { Metadata } from 'next'
import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { figureFormat } from '@/components/insight/figures'
import { RangeFilter } from '@/components/insight/range-filter'
import { buttonClass } from '@/components/ui/button'
import { EmptyState, PageHeader } from '@/components/ui/card'
import { getReport, listInsightTeams, reportKinds, type ReportKind } from '@/lib/insight'
import { orNotFound, pageCtx, viewerTimeZone } from '@/lib/pages/guard'
import { formatTime } from '@/lib/format/time'
import { tableHead } from '@/components/ui/table'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('insight.reportsPage'))('title') }
}

export default async function ReportsPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { org } = await params
  const ctx = await pageCtx(org)
  const q = await searchParams
  const by: ReportKind = (reportKinds as readonly string[]).includes(q.by ?? '') ? (q.by as ReportKind) : 'agent'
  const timeZone = await viewerTimeZone(ctx)
  const [r, teams, t, { locale, n, duration, percent }] = await Promise.all([
    orNotFound(getReport(ctx, { from: q.from, to: q.to, team: q.team }, { by, timeZone })),
    orNotFound(listInsightTeams(ctx)),
    getTranslations('insight.reportsPage'),
    figureFormat(),
  ])
  // English keeps the range's ISO days as before; other languages write them their own way ("8. Nov. 2026").
  const day = (iso: string) => (locale === 'en' ? iso : formatTime(new Date(`${iso}T12:00:00Z`), 'UTC', 'd MMM yyyy', locale))
  const per = by === 'agent' ? t('perAgent') : t('perTeam')
  const range = { from: r.range.from, to: r.range.to, ...(r.teamId ? { team: r.teamId } : {}) }
  const href = (extra: Record<string, string>) => `?${new URLSearchParams({ ...range, ...extra })}`
  const label = by === 'agent' ? t('agent') : t('team')
  return (
    <>
      <PageHeader title={t('title')}
        subtitle={t('subtitle', { by: per, from: day(r.range.from), to: day(r.range.to), timeZone, mine: r.scope === 'mine' ? t('mine') : '' })}
        actions={<a href={`/${org}/reports/export${href({ by })}`} download className={buttonClass('secondary')}>{t('downloadCsv')}</a>} />
      <RangeFilter from={r.range.from} to={r.range.to} teamId={r.teamId} teams={teams} extra={{ by }} resetHref={`/${org}/reports?by=${by}`} />
      <nav aria-label={t('reportBy')} className="mb-4 flex gap-1 text-sm">
        {reportKinds.map((k) => (
          <Link key={k} href={href({ by: k })} aria-current={by === k ? 'page' : undefined}
            className={`rounded px-3 py-1.5 ${by === k ? 'bg-indigo-50 font-semibold text-indigo-700' : 'text-slate-600 hover:bg-slate-100'}`}>
            {k === 'agent' ? t('byAgent') : t('byTeam')}
          </Link>
        ))}
      </nav>
      {r.rows.length === 0 ? (
        <EmptyState title={t('emptyTitle')}>{t('emptyBody')}</EmptyState>
      ) : (
        <div tabIndex={0} role="region" aria-label={t('figures')} className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">{t('caption', { by: per, from: day(r.range.from), to: day(r.range.to) })}</caption>
            <thead className={tableHead}>
              <tr>
                <th scope="col" className="px-4 py-3">{label}</th>
                <th scope="col" className="px-4 py-3 text-right">{t('openNow')}</th>
                <th scope="col" className="px-4 py-3 text-right">{t('created')}</th>
                <th scope="col" className="px-4 py-3 text-right">{t('resolved')}</th>
                <th scope="col" className="px-4 py-3 text-right">{t('medianFirstResponse')}</th>
                <th scope="col" className="px-4 py-3 text-right">{t('medianResolution')}</th>
                <th scope="col" className="px-4 py-3 text-right">{t('slaBreaches')}</th>
                <th scope="col" className="px-4 py-3 text-right">{t('slaCompliance')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {r.rows.map((row) => (
                <tr key={row.key ?? 'none'}>
                  <th scope="row" className={`whitespace-nowrap px-4 py-2 text-left font-medium ${row.key ? 'text-slate-900' : 'text-slate-600'}`}>{row.key ? row.name : by === 'agent' ? t('unassigned') : t('noTeam')}</th>
                  <td className="px-4 py-2 text-right tabular-nums">{n(row.open)}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{n(row.created)}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{n(row.resolved)}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{duration(row.medianFirstResponseSeconds)}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{duration(row.medianResolutionSeconds)}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{n(row.responseBreached + row.resolutionBreached)}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{percent(row.slaPercent)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="mt-4 text-xs text-slate-600">{t('footnote')}</p>
    </>
  )
}
