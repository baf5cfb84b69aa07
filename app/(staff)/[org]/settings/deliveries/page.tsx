import type { Metadata } from 'next'
import Link from 'next/link'
import { EventName } from '@/components/notifications/event-name'
import { ActionForm } from '@/components/ui/action-form'
import { Badge } from '@/components/ui/badge'
import { buttonClass } from '@/components/ui/button'
import { EmptyState, PageHeader } from '@/components/ui/card'
import { formatTime, relativeTime } from '@/lib/format/time'
import { listDeliveries, listWebhooks } from '@/lib/notifications'
import { viewerTimeZone } from '@/lib/pages/guard'
import { adminPageCtx } from '../admin-ctx'
import { retryDeliveryAction } from './actions'

export const metadata: Metadata = { title: 'Delivery queue' }

type Delivery = Awaited<ReturnType<typeof listDeliveries>>[number]
const str = (v: unknown) => (typeof v === 'string' ? v : null)

/**
 * Who or what a delivery is for, picked field by field from the payload. The payload is
 * never shown whole: it holds the full message body, and future queues may carry more.
 */
function target(d: Delivery, hooks: Map<string, string>): { primary: string; secondary?: string; event?: string | null } {
  const p = d.payload
  if (d.queue === 'email') return { primary: str(p.to) ?? 'unknown recipient', secondary: str(p.subject) ?? undefined, event: str(p.event) }
  if (d.queue === 'webhook') {
    const id = str(p.endpointId)
    const url = id ? hooks.get(id) : undefined
    // The handler skips an endpoint that no longer exists, so this one ends at its next run.
    return url ? { primary: url, event: str(p.event) } : { primary: 'Removed endpoint', secondary: 'Dropped at its next attempt', event: str(p.event) }
  }
  return { primary: '—' }
}

function StatusBadge({ d }: { d: Delivery }) {
  if (d.status === 'dead') return <Badge tone="red">Failed</Badge>
  if (d.status === 'running') return <Badge tone="blue">Sending</Badge>
  return d.attempts > 0 ? <Badge tone="amber">Retrying</Badge> : <Badge>Queued</Badge>
}

const queueNames: Record<string, string> = { email: 'Email', webhook: 'Webhook' }

export default async function DeliveriesPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params
  const ctx = await adminPageCtx(org)
  const [rows, hooks, tz] = await Promise.all([listDeliveries(ctx), listWebhooks(ctx), viewerTimeZone(ctx)])
  const hookUrls = new Map(hooks.map((h) => [h.id, h.url]))
  const dead = rows.filter((r) => r.status === 'dead').length
  const now = new Date()
  return (
    <>
      <PageHeader title="Delivery queue"
        subtitle={<span className="block max-w-2xl">Emails and webhook calls still on their way. Failed sends are retried with growing pauses; after the last attempt they stay here until you retry them.</span>}
        actions={<Link href={`/${org}/settings/deliveries`} className={buttonClass('secondary')}>Refresh</Link>} />
      {rows.length === 0 ? (
        <EmptyState title="Nothing waiting — every message was delivered">
          Delivered email is listed under <Link href={`/${org}/settings/mail`} className="font-medium text-indigo-600 underline hover:text-indigo-900">Sent mail</Link>.
        </EmptyState>
      ) : (
        <>
          <p className="mb-3 text-sm text-slate-600">
            {rows.length} waiting{dead > 0 && <> · <span className="font-medium text-rose-700">{dead} failed</span></>}{rows.length === 100 && ' (the newest 100 are shown)'}
          </p>
          <section aria-labelledby="deliveries-heading" className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
            <h2 id="deliveries-heading" className="sr-only">Deliveries</h2>
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
                <tr>
                  <th scope="col" className="px-4 py-3">Message</th>
                  <th scope="col" className="px-4 py-3">Status</th>
                  <th scope="col" className="px-4 py-3">Attempts</th>
                  <th scope="col" className="px-4 py-3">Next attempt</th>
                  <th scope="col" className="px-4 py-3">Last error</th>
                  <th scope="col" className="px-4 py-3"><span className="sr-only">Actions</span></th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((d) => {
                  const t = target(d, hookUrls)
                  return (
                    <tr key={d.id} className="align-top">
                      <td className="max-w-xs px-4 py-3">
                        <div className="flex items-center gap-2">
                          <span className="text-xs font-medium uppercase tracking-wide text-slate-600">{queueNames[d.queue] ?? d.queue}</span>
                          {t.event && <EventName event={t.event} />}
                        </div>
                        <div className="mt-1 truncate font-medium text-slate-900" title={t.primary}>{t.primary}</div>
                        {t.secondary && <div className="truncate text-slate-600" title={t.secondary}>{t.secondary}</div>}
                        <div className="mt-1 text-xs text-slate-600">Queued <time dateTime={d.createdAt.toISOString()} title={formatTime(d.createdAt, tz)}>{relativeTime(d.createdAt, now)}</time></div>
                      </td>
                      <td className="px-4 py-3"><StatusBadge d={d} /></td>
                      <td className="whitespace-nowrap px-4 py-3 tabular-nums text-slate-700">{d.attempts} / {d.maxAttempts}</td>
                      <td className="whitespace-nowrap px-4 py-3 text-slate-700">
                        {d.status === 'dead' ? <span className="text-slate-600">Gave up</span>
                          : d.status === 'running' ? 'Now'
                          : <time dateTime={d.runAt.toISOString()} title={relativeTime(d.runAt, now)}>{formatTime(d.runAt, tz, 'd MMM, HH:mm:ss')}</time>}
                      </td>
                      <td className="max-w-sm px-4 py-3">
                        {d.lastError
                          ? <p className="line-clamp-3 break-words font-mono text-xs text-rose-700" title={d.lastError}>{d.lastError}</p>
                          : <span className="text-slate-600">—</span>}
                      </td>
                      <td className="px-4 py-3">
                        <div className="flex justify-end">
                          {(d.status === 'dead' || d.status === 'pending') && (
                            <ActionForm action={retryDeliveryAction} fields={{ org, id: d.id }} pendingLabel="Retrying…" variant="secondary" className="whitespace-nowrap px-2.5 py-1.5 text-xs"
                              label={<>Retry now<span className="sr-only"> ({t.primary})</span></>} />
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
