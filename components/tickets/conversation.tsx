import type { AttachmentItem } from '@/components/attachments/attachment-list'
import type { ActionState } from '@/lib/actions/state'
import { useLocale, useTranslations } from 'next-intl'
import { formatTime } from '@/lib/format/time'
import type { Locale } from '@/lib/i18n/config'
import { ConversationList } from './conversation-list'

export type ConversationEntry = {
  id: string; body: string; internal: boolean; isSolution: boolean; createdAt: Date; authorId: string; author: string
}

/**
 * The ticket's messages, oldest first; internal notes are visibly set apart (§7). The list
 * itself is one client component fed plain rows: a 100-message ticket as a server tree
 * with a form per message cost more to serialise than to render (318 KB, 160 ms a view).
 */
export function Conversation({ org, number, entries, tz, requesterId, markSolution, files, deleteFile }: {
  org: string; number: number; entries: ConversationEntry[]; tz: string; requesterId: string
  /** Given to staff only: lets them flag a public reply as the solution. */
  markSolution?: (prev: ActionState, form: FormData) => Promise<ActionState>
  /** Each comment's files, by comment id (already filtered by visibility in lib/attachments). */
  files?: Record<string, AttachmentItem[]>
  deleteFile?: (prev: ActionState, form: FormData) => Promise<ActionState>
}) {
  const t = useTranslations('tickets.conversation')
  const locale = useLocale() as Locale
  if (entries.length === 0) return <p className="text-sm text-slate-600">{t('empty')}</p>
  const rows = entries.map((c) => ({
    id: c.id, body: c.body, internal: c.internal, isSolution: c.isSolution, author: c.author,
    byRequester: c.authorId === requesterId, at: c.createdAt.toISOString(), when: formatTime(c.createdAt, tz, undefined, locale),
  }))
  return <ConversationList org={org} number={number} rows={rows} files={files} markSolution={markSolution} deleteFile={deleteFile} />
}
