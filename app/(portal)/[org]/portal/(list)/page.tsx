import { LiveRefresh } from '@/components/live/live-refresh'
import type { Metadata } from 'next'
import { getLocale, getTranslations } from 'next-intl/server'
import Link from 'next/link'
import { StatusBadge } from '@/components/tickets/badges'
import { buttonClass } from '@/components/ui/button'
import { EmptyState, PageHeader } from '@/components/ui/card'
import { formatTime, relativeTime } from '@/lib/format/time'
import type { Locale } from '@/lib/i18n/config'
import { pageCtx, viewerTimeZone } from '@/lib/pages/guard'
import { listTickets } from '@/lib/tickets'
import { openStatuses } from '@/lib/tickets/workflow'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('portal.listPage'))('title') }
}

// Labels: portal.listPage.tabs.<key>.
const tabs = [
  { key: 'open', status: openStatuses.join(',') },
  { key: 'resolved', status: 'resolved,closed' },
  { key: 'all', status: '' },
] as const

type Search = Record<string, string | string[] | undefined>
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)

export default async function MyTicketsPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<Search> }) {
  const { org } = await params
  const sp = await searchParams
  const ctx = await pageCtx(org)
  const status = one(sp.status) ?? ''
  const q = one(sp.q)?.trim() || undefined
  // Requesters see only their own tickets: `listTickets` applies that visibility rule.
  // Most recent activity first, which is what someone checking on their requests wants.
  const [tz, t, locale] = await Promise.all([viewerTimeZone(ctx), getTranslations('portal.listPage'), getLocale() as Promise<Locale>])
  const { rows, next, prev, search } = await listTickets(ctx, { status, q, sort: 'updated', dir: 'desc', after: one(sp.after), before: one(sp.before) }, { timeZone: tz })
  const current = tabs.find((tab) => tab.status === status) ?? tabs[2]
  const base = `/${org}/portal`
  const href = (p: Record<string, string | undefined>) => {
    const q = new URLSearchParams()
    for (const [k, v] of Object.entries(p)) if (v) q.set(k, v)
    const s = q.toString()
    return s ? `${base}?${s}` : base
  }
  // Tabs and paging stay on this route, so they are plain <a> links (full page loads):
  // same-route next/link navigations intermittently never commit in production builds
  // (vercel/next.js#83386; seen here on this page and the audit log).
  const staff = ctx.role !== 'requester'
  const paged = !!(one(sp.after) || one(sp.before))

  return (
    <>
      <LiveRefresh org={org} />
      <PageHeader title={staff ? t('previewTitle') : t('title')}
        subtitle={staff ? t('previewSubtitle') : t('subtitle', { org: ctx.org.name })}
        actions={<Link href={`${base}/new`} className={buttonClass('primary')}>{t('newRequest')}</Link>} />
      <nav aria-label={t('filterLabel')} className="mb-4 flex gap-1 border-b border-slate-200">
        {tabs.map((tab) => (
          <a key={tab.key} href={href({ status: tab.status, q })} aria-current={tab === current ? 'page' : undefined}
            className="-mb-px border-b-2 border-transparent px-3 py-2 text-sm font-medium text-slate-600 hover:text-slate-900 aria-[current=page]:border-indigo-600 aria-[current=page]:text-indigo-700">
            {t(`tabs.${tab.key}`)}
          </a>
        ))}
      </nav>
      {/* Searches the requester's own tickets and their public replies (the same search as the workspace). */}
      <form method="get" role="search" aria-label={t('searchLabel')} className="mb-4 flex gap-2">
        {status && <input type="hidden" name="status" value={status} />}
        <label htmlFor="portal-q" className="sr-only">{t('searchLabel')}</label>
        <input id="portal-q" name="q" type="search" defaultValue={q ?? ''} placeholder={t('searchLabel')}
          aria-invalid={search?.errors.length ? true : undefined} aria-describedby={search?.errors.length ? 'portal-q-error' : undefined}
          className="w-full max-w-md rounded-md border border-slate-300 px-3 py-1.5 text-sm shadow-sm focus:border-indigo-500 focus:outline-none focus:ring-1 focus:ring-indigo-500" />
        <button type="submit" className={buttonClass('secondary')}>{t('searchButton')}</button>
      </form>
      {search?.errors.length ? (
        <ul id="portal-q-error" role="alert" className="-mt-2 mb-4 text-xs text-rose-700">
          {search.errors.map((e) => <li key={e.token}><code className="font-mono">{e.token}</code>: {e.message}</li>)}
        </ul>
      ) : null}
      {rows.length === 0 && q ? (
        <EmptyState title={t('noMatches')}>
          <a href={href({ status })} className="font-medium text-indigo-600 hover:underline">{t('clearSearch')}</a>
        </EmptyState>
      ) : rows.length === 0 ? (
        current.key === 'all' && !paged ? (
          <EmptyState title={t('emptyTitle')}>
            <p>{t('emptyBody')}</p>
            <Link href={`${base}/new`} className={buttonClass('primary', 'mt-4')}>{t('newRequest')}</Link>
          </EmptyState>
        ) : (
          <EmptyState title={paged ? t('noMore') : current.key === 'open' ? t('noOpen') : t('noResolved')}>
            <a href={href({})} className="font-medium text-indigo-600 hover:underline">{t('seeAll')}</a>
          </EmptyState>
        )
      ) : (
        <ul className="divide-y divide-slate-100 overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          {rows.map((row) => (
            <li key={row.number}>
              {/* On a phone the title gets the whole line beside the number and wraps; status and date go under it. */}
              <Link href={`${base}/${row.number}`} className="grid grid-cols-[3rem_minmax(0,1fr)] items-baseline gap-x-3 gap-y-1.5 px-4 py-3 hover:bg-slate-50 focus-visible:bg-slate-50 sm:flex sm:items-center sm:gap-x-4">
                <span className="shrink-0 text-sm tabular-nums text-slate-600 sm:w-12">#{row.number}</span>
                <span className="min-w-0 break-words font-medium text-slate-900 sm:flex-1 sm:truncate">{row.title}</span>
                <span className="col-start-2 flex flex-wrap items-center justify-between gap-x-3 gap-y-1 sm:contents">
                  <StatusBadge status={row.status} />
                  <span className="shrink-0 text-sm text-slate-600 sm:w-44 sm:text-right">
                    <span className="sr-only">{t('lastUpdated')}</span>
                    <time dateTime={row.updatedAt.toISOString()} title={relativeTime(row.updatedAt, new Date(), locale)}>{formatTime(row.updatedAt, tz, undefined, locale)}</time>
                  </span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {(prev || next) && (
        <nav aria-label={t('pages')} className="mt-4 flex items-center justify-between">
          {prev ? <a href={href({ status, q, before: prev })} className={buttonClass('secondary')}>{t('newer')}</a> : <span />}
          {next ? <a href={href({ status, q, after: next })} className={buttonClass('secondary')}>{t('older')}</a> : <span />}
        </nav>
      )}
    </>
  )
}
