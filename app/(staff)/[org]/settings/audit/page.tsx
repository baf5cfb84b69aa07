import { NewestOlderPager } from '@/components/ui/pager'
import { getLocale, getTranslations } from 'next-intl/server'
import { Suspense } from 'react'
import { EmptyState, PageHeader } from '@/components/ui/card'
import { actionLabel, entityHref, entityLabel, summariseChanges } from '@/lib/audit/format'
import { listAuditEvents } from '@/lib/audit'
import { auditReferences } from '@/lib/audit'
import { formatTime } from '@/lib/format/time'
import type { Locale } from '@/lib/i18n/config'
import { listMembers } from '@/lib/members'
import { viewerTimeZone } from '@/lib/pages/guard'
import { adminPageCtx } from '../admin-ctx'
import { AuditFilters } from './audit-filters'
import { ChainStatus, ChainStatusPending } from './chain-status'
import { tableHead } from '@/components/ui/table'

export async function generateMetadata() {
  const t = await getTranslations('settings.auditPage')
  return { title: t('title') }
}

type Search = Record<string, string | string[] | undefined>

export default async function AuditPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<Search> }) {
  const { org } = await params
  const ctx = await adminPageCtx(org)
  const tz = await viewerTimeZone(ctx)
  const [{ query, rows, nextBefore, fieldErrors }, people] = await Promise.all([
    listAuditEvents(ctx, await searchParams, { timeZone: tz }), listMembers(ctx),
  ])
  const refs = await auditReferences(ctx, rows.map((r) => r.e))
  const t = await getTranslations('settings.auditPage')
  const locale = (await getLocale()) as Locale
  const tr = await getTranslations('common.role')
  // lib/audit/format words its labels through the root translator (settings.auditFormat.*, common.status.*).
  const text = { t: await getTranslations(), locale }
  const filtered = !!(query.entity || query.action || query.actor || query.from || query.to)

  const href = (extra: { before?: number }) => {
    const p = new URLSearchParams()
    for (const key of ['entity', 'action', 'actor', 'from', 'to'] as const) if (query[key]) p.set(key, String(query[key]))
    if (extra.before) p.set('before', String(extra.before))
    const s = p.toString()
    return `/${org}/settings/audit${s ? `?${s}` : ''}`
  }

  // Plain <a> links (full page loads) for paging and clearing, not next/link: with this page's
  // large RSC payload, same-route client navigations intermittently never commit in
  // production builds (vercel/next.js#83386). The filter form is a plain GET for the same reason.
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <div className="space-y-4">
        <Suspense fallback={<ChainStatusPending />}>
          <ChainStatus ctx={ctx} />
        </Suspense>
        <AuditFilters org={org} query={query} people={people} tz={tz} errors={fieldErrors} />
        {fieldErrors ? null : rows.length === 0 ? (
          <EmptyState title={filtered || query.before ? t('noMatch') : t('emptyTitle')}>
            {filtered ? <a href={`/${org}/settings/audit`} className="font-medium text-indigo-600 hover:underline">{t('clearFilters')}</a> : t('empty')}
          </EmptyState>
        ) : (
          <div tabIndex={0} role="region" aria-label={t('events')} className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <caption className="sr-only">{t('events')}{filtered ? t('filtered') : ''}</caption>
              <thead className={tableHead}>
                <tr>
                  <th scope="col" className="px-4 py-3">{t('colTime')}</th>
                  <th scope="col" className="px-4 py-3">{t('colActor')}</th>
                  <th scope="col" className="px-4 py-3">{t('colAction')}</th>
                  <th scope="col" className="px-4 py-3">{t('colEntity')}</th>
                  <th scope="col" className="px-4 py-3">{t('colChanges')}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map(({ e, actor }) => {
                  const changes = summariseChanges(e.changes, refs, tz, text)
                  return (
                    <tr key={e.seq} className="align-top">
                      <td className="whitespace-nowrap px-4 py-3">
                        <time dateTime={e.createdAt.toISOString()} className="text-slate-900">{formatTime(e.createdAt, tz, 'd MMM yyyy, HH:mm:ss', locale)}</time>
                        <div className="text-xs text-slate-600">#{e.seq}</div>
                      </td>
                      <td className="px-4 py-3">
                        {e.actorId ? (
                          <>
                            <div className="text-slate-900">{actor ?? t('unknownUser')}</div>
                            {e.actorRole && <div className="text-xs capitalize text-slate-600">{tr.has(e.actorRole) ? tr(e.actorRole) : e.actorRole}</div>}
                          </>
                        ) : <span className="text-slate-600">{t('system')}</span>}
                        {e.ip && <div className="text-xs text-slate-600">{t('fromIp', { ip: e.ip })}</div>}
                      </td>
                      <td className="px-4 py-3">
                        <div className="text-slate-900">{actionLabel(e.action, text)}</div>
                        <code className="text-xs text-slate-600">{e.action}</code>
                      </td>
                      <td className="whitespace-nowrap px-4 py-3 text-slate-700">
                        {(() => {
                          const label = entityLabel(e.entityType, e.entityId, refs, text)
                          const link = entityHref(org, e.entityType, e.entityId, refs)
                          return link ? <a href={link} className="text-indigo-700 hover:underline">{label}</a> : label
                        })()}
                      </td>
                      <td className="px-4 py-3 text-slate-700">
                        {changes.length ? (
                          <ul className="space-y-0.5">{changes.map((c, i) => <li key={i} className="break-words">{c}</li>)}</ul>
                        ) : <span className="text-slate-600">—</span>}
                      </td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          </div>
        )}
        <NewestOlderPager label={t('pages')} className="" newestHref={query.before ? href({}) : null} olderHref={nextBefore ? href({ before: nextBefore }) : null} />
      </div>
    </>
  )
}
