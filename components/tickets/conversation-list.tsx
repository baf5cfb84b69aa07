'use client'
import { useTranslations } from 'next-intl'
import { AttachmentList, type AttachmentItem } from '@/components/attachments/attachment-list'
import { useServerAction, type ServerAction } from '@/components/forms/use-server-action'
import { Badge } from '@/components/ui/badge'
import { buttonClass } from '@/components/ui/button'

export type ConversationRow = {
  id: string; body: string; internal: boolean; isSolution: boolean; author: string; byRequester: boolean
  /** ISO time, and the same formatted in the viewer's zone on the server. */
  at: string; when: string
}

export function ConversationList({ org, number, rows, files, markSolution, deleteFile }: {
  org: string; number: number; rows: ConversationRow[]
  files?: Record<string, AttachmentItem[]>
  markSolution?: ServerAction
  deleteFile?: ServerAction
}) {
  const t = useTranslations('tickets.conversationList')
  return (
    <ol className="space-y-4" aria-label={t('label')}>
      {rows.map((c) => (
        <li key={c.id} className={`rounded-lg p-4 ring-1 ${c.internal ? 'bg-amber-50 ring-amber-200' : c.isSolution ? 'bg-emerald-50 ring-emerald-200' : 'bg-white ring-slate-200'}`}
          aria-label={c.internal ? t('noteBy', { author: c.author }) : t('replyBy', { author: c.author })}>
          <div className="mb-2 flex flex-wrap items-center gap-2 text-sm">
            <span className="font-medium text-slate-900">{c.author}</span>
            {c.byRequester && <span className="text-slate-600">{t('requester')}</span>}
            {c.internal && <Badge tone="amber">{t('internalBadge')}</Badge>}
            {c.isSolution && <Badge tone="green">{t('solution')}</Badge>}
            <time className="ml-auto text-xs text-slate-600" dateTime={c.at}>{c.when}</time>
          </div>
          <p className="whitespace-pre-wrap break-words text-sm text-slate-800">{c.body}</p>
          {files?.[c.id] && <AttachmentList org={org} items={files[c.id]} deleteAction={deleteFile} />}
          {/* The solution is the support team's answer (§7), never the requester's own message. */}
          {markSolution && !c.internal && !c.isSolution && !c.byRequester && <MarkSolution org={org} number={number} commentId={c.id} action={markSolution} />}
        </li>
      ))}
    </ol>
  )
}

/** "Mark as solution" for one public reply; each keeps its own pending state and error. */
function MarkSolution({ org, number, commentId, action }: { org: string; number: number; commentId: string; action: ServerAction }) {
  const t = useTranslations('tickets.conversationList')
  const { state, pending, run } = useServerAction(action)
  return (
    <div className="mt-3">
      <button type="button" disabled={pending} aria-busy={pending} className={buttonClass('ghost', 'px-2 py-1 text-xs')}
        onClick={() => {
          const data = new FormData()
          data.set('org', org)
          data.set('number', String(number))
          data.set('commentId', commentId)
          void run(data)
        }}>
        {pending ? t('marking') : t('markSolution')}
      </button>
      {state.ok === false && state.message && <p role="alert" className="mt-2 text-sm text-rose-600">{state.message}</p>}
    </div>
  )
}
