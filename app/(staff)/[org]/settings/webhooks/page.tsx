import type { Metadata } from 'next'
import { ActionForm } from '@/components/ui/action-form'
import { Badge } from '@/components/ui/badge'
import { Card, EmptyState, PageHeader } from '@/components/ui/card'
import { formatTime } from '@/lib/format/time'
import { listWebhooks } from '@/lib/notifications'
import { newWebhookSecret } from '@/lib/notifications/admin'
import { viewerTimeZone } from '@/lib/pages/guard'
import { adminPageCtx } from '../admin-ctx'
import { removeWebhookAction } from './actions'
import { AddWebhookForm } from './add-webhook-form'

export const metadata: Metadata = { title: 'Webhooks' }

export default async function WebhooksPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params
  const ctx = await adminPageCtx(org)
  const [hooks, tz] = await Promise.all([listWebhooks(ctx), viewerTimeZone(ctx)])
  return (
    <>
      <PageHeader title="Webhooks" subtitle="Every ticket notification is also sent, signed, to these endpoints. Sensitive tickets send only their number and status." />
      <div className="space-y-6">
        {hooks.length === 0 ? (
          <EmptyState title="No webhooks yet">Add an endpoint below to pass notifications on to SMS, WhatsApp or your own tools.</EmptyState>
        ) : (
          <section aria-labelledby="webhooks-heading" className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
            <h2 id="webhooks-heading" className="sr-only">Endpoints</h2>
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
                <tr>
                  <th scope="col" className="px-4 py-3">URL</th>
                  <th scope="col" className="px-4 py-3">Status</th>
                  <th scope="col" className="px-4 py-3">Added</th>
                  <th scope="col" className="px-4 py-3"><span className="sr-only">Actions</span></th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {hooks.map((h) => (
                  <tr key={h.id}>
                    <td className="max-w-md break-all px-4 py-3 font-mono text-xs text-slate-800">{h.url}</td>
                    <td className="px-4 py-3">{h.active ? <Badge tone="green">Active</Badge> : <Badge>Paused</Badge>}</td>
                    <td className="whitespace-nowrap px-4 py-3 text-slate-600">{formatTime(h.createdAt, tz)}</td>
                    <td className="px-4 py-2">
                      {/* Not text-right: the confirm dialog inside would inherit the alignment. */}
                      <div className="flex justify-end">
                        <ActionForm action={removeWebhookAction} fields={{ org, id: h.id }} pendingLabel="Removing…" variant="ghost" className="px-2 py-1 text-xs text-rose-700 hover:bg-rose-50"
                          label={<>Remove<span className="sr-only"> {h.url}</span></>}
                          confirm={{ title: 'Remove this webhook?', confirmLabel: 'Remove webhook',
                            body: <><span className="break-all font-mono text-xs">{h.url}</span> stops receiving events at once. Deliveries still queued for it are dropped.</> }} />
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
        <Card title="Add webhook">
          <AddWebhookForm org={org} secret={newWebhookSecret()} />
        </Card>
      </div>
    </>
  )
}
