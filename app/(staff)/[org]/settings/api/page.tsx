import type { Metadata } from 'next'
import { ActionForm } from '@/components/ui/action-form'
import { Badge } from '@/components/ui/badge'
import { Card, EmptyState, PageHeader } from '@/components/ui/card'
import { formatTime } from '@/lib/format/time'
import { listApiTokens } from '@/lib/api-tokens'
import { type ApiTokenRow } from '@/lib/api-tokens/tokens'
import { permissions } from '@/lib/authz/permissions'
import { viewerTimeZone } from '@/lib/pages/guard'
import { adminPageCtx } from '../admin-ctx'
import { revokeTokenAction } from './actions'
import { CreateTokenForm } from './create-token-form'

export const metadata: Metadata = { title: 'API tokens' }

function state(t: ApiTokenRow, now: number) {
  if (t.revokedAt) return <Badge>Revoked</Badge>
  if (t.expiresAt && t.expiresAt.getTime() <= now) return <Badge tone="amber">Expired</Badge>
  return <Badge tone="green">Active</Badge>
}

export default async function ApiTokensPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params
  const ctx = await adminPageCtx(org)
  const [tokens, tz] = await Promise.all([listApiTokens(ctx), viewerTimeZone(ctx)])
  const now = Date.now()
  return (
    <>
      <PageHeader title="API tokens" subtitle="Integrations call the REST API with a token. Each acts for one member, with at most that member's role, narrowed to its scopes." />
      <div className="space-y-6">
        {tokens.length === 0 ? (
          <EmptyState title="No API tokens yet">Create one below for a monitoring system, a field-service app or a script.</EmptyState>
        ) : (
          <section aria-labelledby="tokens-heading" className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
            <h2 id="tokens-heading" className="sr-only">Tokens</h2>
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <thead className="bg-slate-50 text-left text-xs font-semibold text-slate-600">
                <tr>
                  <th scope="col" className="px-4 py-3">Name</th>
                  <th scope="col" className="px-4 py-3">Acts for</th>
                  <th scope="col" className="px-4 py-3">Scopes</th>
                  <th scope="col" className="px-4 py-3">Last used</th>
                  <th scope="col" className="px-4 py-3">Expires</th>
                  <th scope="col" className="px-4 py-3">State</th>
                  <th scope="col" className="px-4 py-3"><span className="sr-only">Actions</span></th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {tokens.map((t) => (
                  <tr key={t.id} className={t.revokedAt ? 'text-slate-600' : undefined}>
                    <td className="px-4 py-3">
                      <p className="font-medium text-slate-900">{t.name}</p>
                      <p className="font-mono text-xs text-slate-600">{t.prefix}…</p>
                      <p className="text-xs text-slate-600">Created {formatTime(t.createdAt, tz)}{t.createdBy ? ` by ${t.createdBy}` : ''}</p>
                    </td>
                    <td className="px-4 py-3">{t.owner.name}<span className="block text-xs text-slate-600">{t.owner.email}</span></td>
                    <td className="max-w-xs px-4 py-3 font-mono text-xs">{t.scopes.join(', ')}</td>
                    <td className="whitespace-nowrap px-4 py-3">{t.lastUsedAt ? formatTime(t.lastUsedAt, tz) : 'Never'}</td>
                    <td className="whitespace-nowrap px-4 py-3">{t.expiresAt ? formatTime(t.expiresAt, tz) : 'Never'}</td>
                    <td className="px-4 py-3">{state(t, now)}</td>
                    <td className="px-4 py-2">
                      {!t.revokedAt && (
                        <div className="flex justify-end">
                          <ActionForm action={revokeTokenAction} fields={{ org, id: t.id }} pendingLabel="Revoking…" variant="ghost" className="px-2 py-1 text-xs text-rose-700 hover:bg-rose-50"
                            label={<>Revoke<span className="sr-only"> {t.name}</span></>}
                            confirm={{ title: `Revoke “${t.name}”?`, confirmLabel: 'Revoke token',
                              body: 'Requests with this token are refused from now on. This cannot be undone; create a new token instead.' }} />
                        </div>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
        <Card title="Create token">
          <CreateTokenForm org={org} scopes={[...permissions]} />
        </Card>
      </div>
    </>
  )
}
