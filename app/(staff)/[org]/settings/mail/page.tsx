import { NewestOlderPager } from '@/components/ui/pager'
import { getLocale, getTranslations } from 'next-intl/server'
import Link from 'next/link'
import { EventName } from '@/components/notifications/event-name'
import { Badge } from '@/components/ui/badge'
import { EmptyState, PageHeader } from '@/components/ui/card'
import { formatTime } from '@/lib/format/time'
import type { Locale } from '@/lib/i18n/config'
import { listMail } from '@/lib/notifications'
import { viewerTimeZone } from '@/lib/pages/guard'
import { adminPageCtx } from '../admin-ctx'

export async function generateMetadata() {
  const t = await getTranslations('settings.mailPage')
  return { title: t('title') }
}

type Search = Record<string, string | string[] | undefined>
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)

// One grid for the header and every row, so the columns line up without a <table>
// (a row has to be a <details> to open in place).
const cols = 'grid grid-cols-[9rem_minmax(0,14rem)_minmax(0,1fr)_8rem_4rem] items-center gap-x-4'

export default async function SentMailPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<Search> }) {
  const { org } = await params
  const before = one((await searchParams).before)
  const ctx = await adminPageCtx(org)
  const [{ rows, older, smtp }, tz] = await Promise.all([listMail(ctx, { before }), viewerTimeZone(ctx)])
  const base = `/${org}/settings/mail`
  const t = await getTranslations('settings.mailPage')
  const locale = (await getLocale()) as Locale
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      {!smtp && (
        <p role="status" className="mb-4 rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-800 ring-1 ring-amber-200">
          {t.rich('noSmtp', { code: (c) => <code className="font-mono text-xs">{c}</code> })}
        </p>
      )}
      {rows.length === 0 ? (
        <EmptyState title={before ? t('noOlder') : t('emptyTitle')}>
          {before
            ? <Link href={base} className="font-medium text-indigo-600 hover:underline">{t('backToNewest')}</Link>
            : t.rich('empty', { link: (c) => <Link href={`/${org}/settings/deliveries`} className="font-medium text-indigo-600 underline hover:text-indigo-900">{c}</Link> })}
        </EmptyState>
      ) : (
        <div tabIndex={0} role="region" aria-label={t('title')} className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          <div className="min-w-[48rem]">
            <div aria-hidden className={`${cols} border-b border-slate-200 bg-slate-50 py-3 pl-9 pr-4 text-xs font-semibold uppercase tracking-wide text-slate-600`}>
              <span>{t('colTime')}</span><span>{t('colTo')}</span><span>{t('colSubject')}</span><span>{t('colEvent')}</span><span>{t('colStatus')}</span>
            </div>
            <ul aria-label={t('title')} className="divide-y divide-slate-100">
              {rows.map((m) => (
                <li key={m.id}>
                  <details className="group">
                    <summary className="flex cursor-pointer list-none items-center gap-2 py-3 pl-3 pr-4 text-sm hover:bg-slate-50 focus-visible:bg-slate-50 [&::-webkit-details-marker]:hidden">
                      <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="h-4 w-4 shrink-0 text-slate-600 transition-transform group-open:rotate-90">
                        <path fillRule="evenodd" d="M7.2 14.8a.75.75 0 0 1 0-1.06L10.94 10 7.2 6.26a.75.75 0 1 1 1.06-1.06l4.27 4.27a.75.75 0 0 1 0 1.06l-4.27 4.27a.75.75 0 0 1-1.06 0Z" clipRule="evenodd" />
                      </svg>
                      <span className={`${cols} flex-1`}>
                        <span className="whitespace-nowrap text-slate-600"><span className="sr-only">{t('sentSr')} </span>
                          <time dateTime={m.createdAt.toISOString()}>{formatTime(m.createdAt, tz, 'd MMM, HH:mm', locale)}</time>
                        </span>
                        <span className="truncate text-slate-700"><span className="sr-only">{t('toSr')} </span>{m.toAddress}</span>
                        <span className="truncate font-medium text-slate-900">{m.subject}</span>
                        <span><EventName event={m.event} /></span>
                        <span>{m.transport === 'smtp' ? <Badge tone="green">{t('sent')}</Badge> : <Badge tone="amber">{t('kept')}</Badge>}</span>
                      </span>
                    </summary>
                    <div className="border-t border-slate-100 bg-slate-50/60 px-9 py-4">
                      <dl className="mb-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-xs text-slate-600">
                        <dt className="text-slate-600">{t('to')}</dt><dd className="break-all">{m.toAddress}</dd>
                        <dt className="text-slate-600">{t('subject')}</dt><dd>{m.subject}</dd>
                        <dt className="text-slate-600">{t('date')}</dt><dd>{formatTime(m.createdAt, tz, 'd MMM yyyy, HH:mm:ss', locale)}</dd>
                        <dt className="text-slate-600">{t('messageId')}</dt><dd className="break-all font-mono">{m.messageId}</dd>
                      </dl>
                      <pre className="max-h-96 overflow-auto whitespace-pre-wrap break-words rounded-md bg-white p-3 font-mono text-xs text-slate-800 ring-1 ring-slate-200">{m.textBody}</pre>
                    </div>
                  </details>
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
      {rows.length > 0 && (
        <NewestOlderPager newestHref={before ? base : null} olderHref={older ? `${base}?before=${encodeURIComponent(older)}` : null} />
      )}
    </>
  )
}
