import { getLocale, getTranslations } from 'next-intl/server'
import Link from 'next/link'
import { EventName } from '@/components/notifications/event-name'
import { ActionForm } from '@/components/ui/action-form'
import { Badge } from '@/components/ui/badge'
import { buttonClass } from '@/components/ui/button'
import { EmptyState, PageHeader } from '@/components/ui/card'
import { formatNumber, formatTime, relativeTime } from '@/lib/format/time'
import type { Locale } from '@/lib/i18n/config'
import { listDeliveries, listWebhooks } from '@/lib/notifications'
import { viewerTimeZone } from '@/lib/pages/guard'
import { adminPageCtx } from '../admin-ctx'
import { retryDeliveryAction } from './actions'
import { tableHead } from '@/components/ui/table'

export async function generateMetadata() {
  const t = await getTranslations('settings.deliveriesPage')
  return { title: t('title') }
}

type Delivery = Awaited<ReturnType<typeof listDeliveries>>[number]
const str = (v: unknown) => (typeof v === 'string' ? v : null)

/**
 * Who or what a delivery is for, picked field by field from the payload. The payload is
 * never shown whole: it holds the full message body, and future queues may carry more.
 */
function target(d: Delivery, hooks: Map<string, string>, t: (key: 'unknownRecipient' | 'removedEndpoint' | 'droppedNext') => string): { primary: string; secondary?: string; event?: string | null } {
  const p = d.payload
  if (d.queue === 'email') return { primary: str(p.to) ?? t('unknownRecipient'), secondary: str(p.subject) ?? undefined, event: str(p.event) }
  if (d.queue === 'webhook') {
    const id = str(p.endpointId)
    const url = id ? hooks.get(id) : undefined
    // The handler skips an endpoint that no longer exists, so this one ends at its next run.
    return url ? { primary: url, event: str(p.event) } : { primary: t('removedEndpoint'), secondary: t('droppedNext'), event: str(p.event) }
  }
  return { primary: '—' }
}

async function StatusBadge({ d }: { d: Delivery }) {
  const t = await getTranslations('settings.deliveriesPage.status')
  if (d.status === 'dead') return <Badge tone="red">{t('dead')}</Badge>
  if (d.status === 'running') return <Badge tone="blue">{t('running')}</Badge>
  return d.attempts > 0 ? <Badge tone="amber">{t('retrying')}</Badge> : <Badge>{t('queued')}</Badge>
}

const queueKeys: Record<string, 'email' | 'webhook'> = { email: 'email', webhook: 'webhook' }

export default async function DeliveriesPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params
  const ctx = await adminPageCtx(org)
  const [rows, hooks, tz] = await Promise.all([listDeliveries(ctx), listWebhooks(ctx), viewerTimeZone(ctx)])
  const hookUrls = new Map(hooks.map((h) => [h.id, h.url]))
  const dead = rows.filter((r) => r.status === 'dead').length
  const now = new Date()
  const tp = await getTranslations('settings.deliveriesPage')
  const locale = (await getLocale()) as Locale
  return (
    <>
      <PageHeader title={tp('title')}
        subtitle={<span className="block max-w-2xl">{tp('subtitle')}</span>}
        actions={<Link href={`/${org}/settings/deliveries`} className={buttonClass('secondary')}>{tp('refresh')}</Link>} />
      {rows.length === 0 ? (
        <EmptyState title={tp('emptyTitle')}>
          {tp.rich('empty', { link: (c) => <Link href={`/${org}/settings/mail`} className="font-medium text-indigo-600 underline hover:text-indigo-900">{c}</Link> })}
        </EmptyState>
      ) : (
        <>
          <p className="mb-3 text-sm text-slate-600">
            {tp('waiting', { count: rows.length })}{dead > 0 && <> · <span className="font-medium text-rose-700">{tp('failed', { count: dead })}</span></>}{rows.length === 100 && tp('newest100')}
          </p>
          <section aria-labelledby="deliveries-heading" className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
            <h2 id="deliveries-heading" className="sr-only">{tp('heading')}</h2>
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <thead className={tableHead}>
                <tr>
                  <th scope="col" className="px-4 py-3">{tp('colMessage')}</th>
                  <th scope="col" className="px-4 py-3">{tp('colStatus')}</th>
                  <th scope="col" className="px-4 py-3">{tp('colAttempts')}</th>
                  <th scope="col" className="px-4 py-3">{tp('colNext')}</th>
                  <th scope="col" className="px-4 py-3">{tp('colError')}</th>
                  <th scope="col" className="px-4 py-3"><span className="sr-only">{tp('colActions')}</span></th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((d) => {
                  const t = target(d, hookUrls, (k) => tp(k))
                  return (
                    <tr key={d.id} className="align-top">
                      <td className="max-w-xs px-4 py-3">
                        <div className="flex items-center gap-2">
                          <span className="text-xs font-medium uppercase tracking-wide text-slate-600">{queueKeys[d.queue] ? tp(`queue.${queueKeys[d.queue]}`) : d.queue}</span>
                          {t.event && <EventName event={t.event} />}
                        </div>
                        <div className="mt-1 truncate font-medium text-slate-900" title={t.primary}>{t.primary}</div>
                        {t.secondary && <div className="truncate text-slate-600" title={t.secondary}>{t.secondary}</div>}
                        <div className="mt-1 text-xs text-slate-600">{tp('queuedAt')} <time dateTime={d.createdAt.toISOString()} title={formatTime(d.createdAt, tz, undefined, locale)}>{relativeTime(d.createdAt, now, locale)}</time></div>
                      </td>
                      <td className="px-4 py-3"><StatusBadge d={d} /></td>
                      <td className="whitespace-nowrap px-4 py-3 tabular-nums text-slate-700">{formatNumber(d.attempts, locale)} / {formatNumber(d.maxAttempts, locale)}</td>
                      <td className="whitespace-nowrap px-4 py-3 text-slate-700">
                        {d.status === 'dead' ? <span className="text-slate-600">{tp('gaveUp')}</span>
                          : d.status === 'running' ? tp('now')
                          : <time dateTime={d.runAt.toISOString()} title={relativeTime(d.runAt, now, locale)}>{formatTime(d.runAt, tz, 'd MMM, HH:mm:ss', locale)}</time>}
                      </td>
                      <td className="max-w-sm px-4 py-3">
                        {d.lastError
                          ? <p className="line-clamp-3 break-words font-mono text-xs text-rose-700" title={d.lastError}>{d.lastError}</p>
                          : <span className="text-slate-600">—</span>}
                      </td>
                      <td className="px-4 py-3">
                        <div className="flex justify-end">
                          {(d.status === 'dead' || d.status === 'pending') && (
                            <ActionForm action={retryDeliveryAction} fields={{ org, id: d.id }} pendingLabel={tp('retryingButton')} variant="secondary" className="whitespace-nowrap px-2.5 py-1.5 text-xs"
                              label={<>{tp('retry')}<span className="sr-only"> ({t.primary})</span></>} />
                          )}
                        </div>
                      </td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          </section>
        </>
      )}
    </>
  )
}
