import type { Metadata } from 'next'
import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { ChartFigure } from '@/components/insight/chart-figure'
import { figureFormat } from '@/components/insight/figures'
import { RangeFilter } from '@/components/insight/range-filter'
import { Stat } from '@/components/insight/stat'
import { PageHeader } from '@/components/ui/card'
import { formatLocale } from '@/lib/i18n/config'
import { getDashboard, listInsightTeams } from '@/lib/insight'
import { orNotFound, pageCtx, viewerTimeZone } from '@/lib/pages/guard'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('insight.dashboardPage'))('title') }
}

export default async function DashboardPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { org } = await params
  const ctx = await pageCtx(org)
  const q = await searchParams
  const timeZone = await viewerTimeZone(ctx)
  const [d, teams, t, tCommon, { locale, n, duration, percent }] = await Promise.all([
    orNotFound(getDashboard(ctx, { from: q.from, to: q.to, team: q.team }, { timeZone })),
    orNotFound(listInsightTeams(ctx)),
    getTranslations('insight.dashboardPage'),
    getTranslations('common'),
    figureFormat(),
  ])
  /** "2026-11-08" → "8 Nov" ("8. Nov." in German): the day as the axis and table show it. */
  const shortDay = (day: string) => new Date(`${day}T12:00:00Z`).toLocaleDateString(formatLocale[locale], { day: 'numeric', month: 'short', timeZone: 'UTC' })
  const teamName = teams.find((x) => x.id === d.teamId)?.name
  const whose = d.scope === 'org'
    ? (teamName ? t('whoseTeam', { team: teamName }) : t('whoseOrg'))
    : (teamName ? t('whoseMineTeam', { team: teamName }) : t('whoseMine'))
  const concluded = d.sla.responseMet + d.sla.responseBreached + d.sla.resolutionMet + d.sla.resolutionBreached
  const query = new URLSearchParams({ from: d.range.from, to: d.range.to, ...(d.teamId ? { team: d.teamId } : {}) })
  const days = d.range.days.length
  return (
    <>
      <PageHeader title={t('title')}
        subtitle={t('subtitle', { whose, from: shortDay(d.range.from), to: shortDay(d.range.to), days, timeZone })}
        actions={<Link href={`/${org}/reports?${query}`} className="text-sm font-medium text-indigo-700 hover:underline">{t('reportsLink')}</Link>} />
      <RangeFilter from={d.range.from} to={d.range.to} teamId={d.teamId} teams={teams} resetHref={`/${org}/dashboard`} />

      <section aria-label={t('headline')}>
        <dl className="mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Stat label={t('openNow')} value={n(d.open.total)} note={t('openNowNote')} />
          <Stat label={t('created')} value={n(d.totals.created)} note={t('createdNote', { count: n(d.totals.resolved) })} />
          <Stat label={t('medianFirstResponse')} value={duration(d.medians.firstResponse.seconds)} note={t('firstResponseNote', { count: n(d.medians.firstResponse.n) })} />
          <Stat label={t('medianResolution')} value={duration(d.medians.resolution.seconds)} note={t('resolutionNote', { count: n(d.medians.resolution.n) })} />
          <Stat label={t('slaCompliance')} value={percent(d.sla.percent)}
            note={concluded ? t('targetsMet', { met: n(d.sla.responseMet + d.sla.resolutionMet), total: n(concluded) }) : t('noSlaConcluded')} />
          <Stat label={t('responseBreaches')} value={n(d.sla.responseBreached)} note={t('metNote', { count: n(d.sla.responseMet) })} />
          <Stat label={t('resolutionBreaches')} value={n(d.sla.resolutionBreached)} note={t('metNote', { count: n(d.sla.resolutionMet) })} />
          <Stat label={t('csat')} value={percent(d.csat?.percent)}
            note={!d.csat ? t('csatAdminsOnly') : d.csat.responses
              ? t('csatGood', { good: n(d.csat.good), total: n(d.csat.responses) }) : t('noSurveyAnswers')} />
        </dl>
      </section>

      <div className="grid gap-6 lg:grid-cols-2">
        <div className="lg:col-span-2">
          <ChartFigure kind="line" title={t('dailyTitle')} xKey="day" xLabel={t('dailyX')}
            summary={t('dailySummary', { created: n(d.totals.created), resolved: n(d.totals.resolved), days })}
            rows={d.daily.map((x) => ({ day: shortDay(x.day), created: x.created, resolved: x.resolved }))}
            series={[{ key: 'created', label: t('created'), color: '#4f46e5' }, { key: 'resolved', label: t('resolved'), color: '#059669' }]} />
        </div>
        <ChartFigure title={t('byStatusTitle')} xKey="name" xLabel={t('byStatusX')} summary={t('byStatusSummary', { count: d.open.total })}
          rows={d.open.byStatus.map((s) => ({ name: tCommon(`status.${s.key}`), count: s.count }))}
          series={[{ key: 'count', label: t('tickets'), color: '#4f46e5' }]} empty={t('noOpenTickets')} />
        <ChartFigure title={t('byPriorityTitle')} xKey="name" xLabel={t('byPriorityX')} summary={t('byPrioritySummary')}
          rows={d.open.byPriority.map((s) => ({ name: tCommon(`priority.${s.key}`), count: s.count }))}
          series={[{ key: 'count', label: t('tickets'), color: '#d97706' }]} empty={t('noOpenTickets')} />
        <ChartFigure title={t('byTeamTitle')} xKey="name" xLabel={t('byTeamX')} summary={t('byTeamSummary')} horizontal
          rows={d.open.byTeam.map((s) => ({ name: s.key ? s.name : t('noTeam'), count: s.count }))} height={Math.max(160, d.open.byTeam.length * 32)}
          series={[{ key: 'count', label: t('tickets'), color: '#0891b2' }]} empty={t('noOpenTickets')} />
        <ChartFigure title={t('backlogTitle')} xKey="name" xLabel={t('backlogX')} summary={t('backlogSummary')}
          rows={d.open.byAge.map((s) => ({ name: t(`age.${s.key}`), count: s.count }))}
          series={[{ key: 'count', label: t('tickets'), color: '#7c3aed' }]} empty={t('noOpenTickets')} />
        <ChartFigure title={t('workloadTitle')} xKey="name" xLabel={t('workloadX')} summary={t('workloadSummary')} horizontal
          rows={d.workload.slice(0, 15).map((s) => ({ name: s.key ? s.name : t('unassigned'), count: s.count }))} height={Math.max(160, Math.min(15, d.workload.length) * 32)}
          series={[{ key: 'count', label: t('workloadSeries'), color: '#db2777' }]} empty={t('noOpenTickets')} />
        <ChartFigure title={t('slaTitle')} xKey="name" xLabel={t('slaX')}
          summary={d.sla.percent === null ? t('slaNone') : t('slaSummary', { percent: n(d.sla.percent) })}
          rows={[{ name: t('firstResponse'), met: d.sla.responseMet, breached: d.sla.responseBreached }, { name: t('resolution'), met: d.sla.resolutionMet, breached: d.sla.resolutionBreached }]}
          series={[{ key: 'met', label: t('met'), color: '#059669' }, { key: 'breached', label: t('breached'), color: '#e11d48' }]} empty={t('slaNone')} />
      </div>
      <p className="mt-6 text-xs text-slate-600">{t('footnote')}</p>
    </>
  )
}
