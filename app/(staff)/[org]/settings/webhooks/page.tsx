import { getLocale, getTranslations } from 'next-intl/server'
import { ActionForm } from '@/components/ui/action-form'
import { Badge } from '@/components/ui/badge'
import { Card, EmptyState, PageHeader } from '@/components/ui/card'
import { formatTime } from '@/lib/format/time'
import type { Locale } from '@/lib/i18n/config'
import { listWebhooks } from '@/lib/notifications'
import { newWebhookSecret } from '@/lib/notifications/admin'
import { viewerTimeZone } from '@/lib/pages/guard'
import { adminPageCtx } from '../admin-ctx'
import { removeWebhookAction } from './actions'
import { AddWebhookForm } from './add-webhook-form'
import { tableHead } from '@/components/ui/table'

export async function generateMetadata() {
  const t = await getTranslations('settings.webhooksPage')
  return { title: t('title') }
}

export default async function WebhooksPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params
  const ctx = await adminPageCtx(org)
  const [hooks, tz] = await Promise.all([listWebhooks(ctx), viewerTimeZone(ctx)])
  const t = await getTranslations('settings.webhooksPage')
  const locale = (await getLocale()) as Locale
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <div className="space-y-6">
        {hooks.length === 0 ? (
          <EmptyState title={t('emptyTitle')}>{t('empty')}</EmptyState>
        ) : (
          <section aria-labelledby="webhooks-heading" className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
            <h2 id="webhooks-heading" className="sr-only">{t('endpoints')}</h2>
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <thead className={tableHead}>
                <tr>
                  <th scope="col" className="px-4 py-3">{t('colUrl')}</th>
                  <th scope="col" className="px-4 py-3">{t('colStatus')}</th>
                  <th scope="col" className="px-4 py-3">{t('colAdded')}</th>
                  <th scope="col" className="px-4 py-3"><span className="sr-only">{t('colActions')}</span></th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {hooks.map((h) => (
                  <tr key={h.id}>
                    <td className="max-w-md break-all px-4 py-3 font-mono text-xs text-slate-800">{h.url}</td>
                    <td className="px-4 py-3">{h.active ? <Badge tone="green">{t('active')}</Badge> : <Badge>{t('paused')}</Badge>}</td>
                    <td className="whitespace-nowrap px-4 py-3 text-slate-600">{formatTime(h.createdAt, tz, undefined, locale)}</td>
                    <td className="px-4 py-2">
                      {/* Not text-right: the confirm dialog inside would inherit the alignment. */}
                      <div className="flex justify-end">
                        <ActionForm action={removeWebhookAction} fields={{ org, id: h.id }} pendingLabel={t('removing')} variant="ghost" className="px-2 py-1 text-xs text-rose-700 hover:bg-rose-50"
                          label={<>{t('remove')}<span className="sr-only"> {h.url}</span></>}
                          confirm={{ title: t('confirmTitle'), confirmLabel: t('confirmLabel'),
                            body: t.rich('confirmBody', { url: h.url, mono: (c) => <span className="break-all font-mono text-xs">{c}</span> }) }} />
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
        <Card title={t('add')}>
          <AddWebhookForm org={org} secret={newWebhookSecret()} />
        </Card>
      </div>
    </>
  )
}
