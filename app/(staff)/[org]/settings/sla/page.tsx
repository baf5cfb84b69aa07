import { getLocale, getTranslations } from 'next-intl/server'
import Link from 'next/link'
import { ActionForm } from '@/components/ui/action-form'
import { Badge } from '@/components/ui/badge'
import { Card, EmptyState, PageHeader } from '@/components/ui/card'
import { listCategories } from '@/lib/tickets'
import { getCalendar, listPolicies } from '@/lib/sla'
import { formatMinutes } from '@/lib/sla/format'
import { slaCompliance } from '@/lib/sla'
import { reportPeriods, type TargetCompliance } from '@/lib/sla/report'
import { formatNumber } from '@/lib/format/time'
import type { Locale } from '@/lib/i18n/config'
import { adminPageCtx } from '../admin-ctx'
import { deletePolicyAction } from './actions'
import { CalendarForm } from './calendar-form'
import { EditPolicyButton } from './edit-policy-button'
import { PolicyForm } from './policy-form'
import { tableHead } from '@/components/ui/table'

export async function generateMetadata() {
  const t = await getTranslations('settings.slaPage')
  return { title: t('title') }
}

const priorityOrder = { urgent: 0, high: 1, normal: 2, low: 3 } as const

export default async function SlaSettingsPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<{ days?: string }> }) {
  const { org } = await params
  const ctx = await adminPageCtx(org)
  const [policies, categories, calendar, report] = await Promise.all([
    listPolicies(ctx), listCategories(ctx), getCalendar(ctx), slaCompliance(ctx, { days: (await searchParams).days }),
  ])
  const sorted = [...policies].sort((a, b) => Number(a.categoryId !== null) - Number(b.categoryId !== null)
    || (a.category ?? '').localeCompare(b.category ?? '') || priorityOrder[a.priority] - priorityOrder[b.priority])
  const t = await getTranslations('settings.slaPage')
  const tp = await getTranslations('common.priority')
  const locale = (await getLocale()) as Locale
  const options = categories.map((c) => ({ id: c.id, name: c.name }))
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <div className="space-y-6">
        <Card title={t('compliance')} actions={
          <nav aria-label={t('period')} className="flex gap-1 text-xs">
            {reportPeriods.map((d) => (
              <Link key={d} href={`?days=${d}`} aria-current={report.days === d ? 'page' : undefined}
                className={`rounded px-2 py-1 ${report.days === d ? 'bg-indigo-50 font-semibold text-indigo-700' : 'text-slate-600 hover:bg-slate-100'}`}>
                {t('lastDays', { days: d })}
              </Link>
            ))}
          </nav>
        }>
          <p className="mb-3 text-sm text-slate-600">{t('total', { count: report.total, days: report.days })}</p>
          <dl className="grid gap-4 sm:grid-cols-2">
            <Compliance label={t('firstResponse')} c={report.response} locale={locale} />
            <Compliance label={t('resolution')} c={report.resolution} locale={locale} />
          </dl>
        </Card>

        <section aria-labelledby="policies-h" className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          <h2 id="policies-h" className="border-b border-slate-100 px-4 py-3 text-sm font-semibold text-slate-900">{t('policies')}</h2>
          {sorted.length === 0 ? (
            <div className="p-4"><EmptyState title={t('emptyTitle')}>{t('empty')}</EmptyState></div>
          ) : (
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <thead className={tableHead}>
                <tr>
                  <th scope="col" className="px-4 py-3">{t('colPriority')}</th>
                  <th scope="col" className="px-4 py-3">{t('colCategory')}</th>
                  <th scope="col" className="px-4 py-3">{t('colResponse')}</th>
                  <th scope="col" className="px-4 py-3">{t('colResolution')}</th>
                  <th scope="col" className="px-4 py-3">{t('colClock')}</th>
                  <th scope="col" className="px-4 py-3">{t('colStatus')}</th>
                  <th scope="col" className="px-4 py-3"><span className="sr-only">{t('colActions')}</span></th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {sorted.map((p) => {
                  const name = `${tp(p.priority)} · ${p.category ?? t('allCategories')}`
                  return (
                    <tr key={p.id} className={p.active ? '' : 'bg-slate-50/60 text-slate-600'}>
                      <td className="whitespace-nowrap px-4 py-3 align-top font-medium">{tp(p.priority)}</td>
                      <td className="whitespace-nowrap px-4 py-3 align-top">{p.category ?? <span className="text-slate-600">{t('allCategories')}</span>}</td>
                      <td className="whitespace-nowrap px-4 py-3 align-top tabular-nums">{formatMinutes(p.responseMinutes)}</td>
                      <td className="whitespace-nowrap px-4 py-3 align-top tabular-nums">{formatMinutes(p.resolutionMinutes)}</td>
                      <td className="whitespace-nowrap px-4 py-3 align-top">{p.businessHours ? t('businessHours') : t('allDay')}</td>
                      <td className="px-4 py-3 align-top">{p.active ? <Badge tone="green">{t('active')}</Badge> : <Badge>{t('inactive')}</Badge>}</td>
                      <td className="px-4 py-2 align-top">
                        <div className="flex items-start justify-end gap-1">
                          <EditPolicyButton org={org} name={name} categories={options} weekly={calendar.weekly} timeZone={calendar.timeZone} policy={{ id: p.id, priority: p.priority, categoryId: p.categoryId, responseMinutes: p.responseMinutes, resolutionMinutes: p.resolutionMinutes, businessHours: p.businessHours, active: p.active }} />
                          <ActionForm action={deletePolicyAction} fields={{ org, id: p.id }} label={t('delete')} pendingLabel={t('deleting')} variant="ghost" className="px-2 py-1.5 text-rose-700"
                            confirm={{ title: t('confirmTitle', { name }), body: t('confirmBody'), confirmLabel: t('confirmLabel') }} />
                        </div>
                      </td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          )}
        </section>

        <Card title={t('addPolicy')}>
          <PolicyForm org={org} categories={options} weekly={calendar.weekly} timeZone={calendar.timeZone} />
        </Card>

        <Card title={t('calendar')}>
          <CalendarForm org={org} calendar={calendar} timeZones={Intl.supportedValuesOf('timeZone')} />
        </Card>
      </div>
    </>
  )
}

async function Compliance({ label, c, locale }: { label: string; c: TargetCompliance; locale: Locale }) {
  const t = await getTranslations('settings.slaPage')
  const tone = c.percent === null ? 'text-slate-600' : c.percent >= 90 ? 'text-emerald-700' : c.percent >= 75 ? 'text-amber-700' : 'text-rose-700'
  return (
    <div className="rounded-md bg-slate-50 p-3 ring-1 ring-slate-200">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-600">{label}</dt>
      <dd className={`mt-1 text-2xl font-semibold tabular-nums ${tone}`}>{c.percent === null ? '—' : t('percent', { percent: formatNumber(c.percent, locale) })}</dd>
      <dd className="mt-1 text-xs text-slate-600">{t('met', { met: c.met, breached: c.breached })}{c.running ? t('running', { running: c.running }) : ''}</dd>
    </div>
  )
}
