import { useTranslations } from 'next-intl'
import { ActionForm } from '@/components/ui/action-form'
import { Badge } from '@/components/ui/badge'
import { Card, EmptyState } from '@/components/ui/card'
import type { ServerAction } from '@/components/forms/use-server-action'
import type { CannedReplyView } from '@/lib/canned-replies'
import { CannedReplyForm } from './canned-reply-form'
import { EditCannedReplyButton } from './edit-canned-reply-button'

type Actions = { create: ServerAction; update: ServerAction; remove: ServerAction }

/** Shared and personal canned replies with their forms; used by the settings page (admins) and the agents' own page. */
export function CannedRepliesManager({ org, replies, isAdmin, actions }: { org: string; replies: CannedReplyView[]; isAdmin: boolean; actions: Actions }) {
  const t = useTranslations('tickets.cannedRepliesManager')
  const groups = [
    { key: 'shared', title: t('sharedGroup'), rows: replies.filter((r) => r.shared), editable: isAdmin },
    { key: 'personal', title: t('personalGroup'), rows: replies.filter((r) => !r.shared), editable: true },
  ]
  return (
    <div className="space-y-6">
      <Card title={t('newTitle')}>
        <CannedReplyForm org={org} canShare={isAdmin} action={actions.create} />
      </Card>
      {replies.length === 0 && <EmptyState title={t('emptyTitle')}>{t('emptyBody')}</EmptyState>}
      {groups.filter((g) => g.rows.length > 0).map((g) => (
        <section key={g.key} aria-labelledby={`canned-${g.key}-h`} className="rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          <h2 id={`canned-${g.key}-h`} className="border-b border-slate-100 px-4 py-3 text-sm font-semibold text-slate-900">{g.title}</h2>
          <ul aria-label={g.title} className="divide-y divide-slate-100">
            {g.rows.map((r) => (
              <li key={r.id} aria-label={r.title} className="flex flex-wrap items-start justify-between gap-3 px-4 py-3">
                <div className="min-w-0 flex-1">
                  <p className="flex items-center gap-2 text-sm font-medium text-slate-900">{r.title}{r.shared && <Badge tone="indigo">{t('shared')}</Badge>}</p>
                  <p className="mt-1 line-clamp-3 whitespace-pre-wrap text-sm text-slate-600">{r.body}</p>
                </div>
                {g.editable && (
                  <div className="flex items-center gap-2">
                    <EditCannedReplyButton org={org} reply={r} action={actions.update} />
                    <ActionForm action={actions.remove} fields={{ org, id: r.id }} className="px-2.5 py-1 text-xs" pendingLabel={t('deleting')}
                      label={<>{t('delete')}<span className="sr-only"> {r.title}</span></>}
                      confirm={{ title: t('confirmTitle', { title: r.title }), confirmLabel: t('confirmLabel'), body: r.shared ? t('confirmShared') : t('confirmPersonal') }} />
                  </div>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  )
}
