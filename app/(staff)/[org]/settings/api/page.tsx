import { getLocale, getTranslations } from 'next-intl/server'
import { ActionForm } from '@/components/ui/action-form'
import { Badge } from '@/components/ui/badge'
import { Card, EmptyState, PageHeader } from '@/components/ui/card'
import { formatTime } from '@/lib/format/time'
import type { Locale } from '@/lib/i18n/config'
import { listApiTokens } from '@/lib/api-tokens'
import { type ApiTokenRow } from '@/lib/api-tokens/tokens'
import { permissions } from '@/lib/authz/permissions'
import { viewerTimeZone } from '@/lib/pages/guard'
import { adminPageCtx } from '../admin-ctx'
import { revokeTokenAction } from './actions'
import { CreateTokenForm } from './create-token-form'
import { tableHead } from '@/components/ui/table'

export async function generateMetadata() {
  const t = await getTranslations('settings.apiPage')
  return { title: t('title') }
}

function state(t: ApiTokenRow, now: number, label: (key: 'revoked' | 'expired' | 'active') => string) {
  if (t.revokedAt) return <Badge>{label('revoked')}</Badge>
  if (t.expiresAt && t.expiresAt.getTime() <= now) return <Badge tone="amber">{label('expired')}</Badge>
  return <Badge tone="green">{label('active')}</Badge>
}

export default async function ApiTokensPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params
  const ctx = await adminPageCtx(org)
  const [tokens, tz] = await Promise.all([listApiTokens(ctx), viewerTimeZone(ctx)])
  const now = Date.now()
  const tp = await getTranslations('settings.apiPage')
  const locale = (await getLocale()) as Locale
  return (
    <>
      <PageHeader title={tp('title')} subtitle={tp('subtitle')} />
      <div className="space-y-6">
        {tokens.length === 0 ? (
          <EmptyState title={tp('emptyTitle')}>{tp('empty')}</EmptyState>
        ) : (
          <section aria-labelledby="tokens-heading" className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
            <h2 id="tokens-heading" className="sr-only">{tp('tokens')}</h2>
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <thead className={tableHead}>
                <tr>
                  <th scope="col" className="px-4 py-3">{tp('colName')}</th>
                  <th scope="col" className="px-4 py-3">{tp('colOwner')}</th>
                  <th scope="col" className="px-4 py-3">{tp('colScopes')}</th>
                  <th scope="col" className="px-4 py-3">{tp('colLastUsed')}</th>
                  <th scope="col" className="px-4 py-3">{tp('colExpires')}</th>
                  <th scope="col" className="px-4 py-3">{tp('colState')}</th>
                  <th scope="col" className="px-4 py-3"><span className="sr-only">{tp('colActions')}</span></th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {tokens.map((t) => (
                  <tr key={t.id} className={t.revokedAt ? 'text-slate-600' : undefined}>
                    <td className="px-4 py-3">
                      <p className="font-medium text-slate-900">{t.name}</p>
                      <p className="font-mono text-xs text-slate-600">{t.prefix}…</p>
                      <p className="text-xs text-slate-600">{t.createdBy ? tp('createdBy', { date: formatTime(t.createdAt, tz, undefined, locale), by: t.createdBy }) : tp('created', { date: formatTime(t.createdAt, tz, undefined, locale) })}</p>
                    </td>
                    <td className="px-4 py-3">{t.owner.name}<span className="block text-xs text-slate-600">{t.owner.email}</span></td>
                    <td className="max-w-xs px-4 py-3 font-mono text-xs">{t.scopes.join(', ')}</td>
                    <td className="whitespace-nowrap px-4 py-3">{t.lastUsedAt ? formatTime(t.lastUsedAt, tz, undefined, locale) : tp('never')}</td>
                    <td className="whitespace-nowrap px-4 py-3">{t.expiresAt ? formatTime(t.expiresAt, tz, undefined, locale) : tp('never')}</td>
                    <td className="px-4 py-3">{state(t, now, (k) => tp(k))}</td>
                    <td className="px-4 py-2">
                      {!t.revokedAt && (
                        <div className="flex justify-end">
                          <ActionForm action={revokeTokenAction} fields={{ org, id: t.id }} pendingLabel={tp('revoking')} variant="ghost" className="px-2 py-1 text-xs text-rose-700 hover:bg-rose-50"
                            label={<>{tp('revoke')}<span className="sr-only"> {t.name}</span></>}
                            confirm={{ title: tp('confirmTitle', { name: t.name }), confirmLabel: tp('confirmLabel'),
                              body: tp('confirmBody') }} />
                        </div>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
        <Card title={tp('create')}>
          <CreateTokenForm org={org} scopes={[...permissions]} />
        </Card>
      </div>
    </>
  )
}
