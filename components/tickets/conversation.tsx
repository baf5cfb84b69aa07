import { Badge } from '@/components/ui/badge'
import { AttachmentList, type AttachmentItem } from '@/components/attachments/attachment-list'
import { ActionForm } from '@/components/ui/action-form'
import type { ActionState } from '@/lib/actions/state'
import { formatTime } from '@/lib/format/time'

export type ConversationEntry = {
  id: string; body: string; internal: boolean; isSolution: boolean; createdAt: Date; authorId: string; author: string
}

/** The ticket's messages, oldest first; internal notes are visibly set apart (§7). */
export function Conversation({ org, number, entries, tz, requesterId, markSolution, files, deleteFile }: {
  org: string; number: number; entries: ConversationEntry[]; tz: string; requesterId: string
  /** Given to staff only: lets them flag a public reply as the solution. */
  markSolution?: (prev: ActionState, form: FormData) => Promise<ActionState>
  /** Each comment's files, by comment id (already filtered by visibility in lib/attachments). */
  files?: Record<string, AttachmentItem[]>
  deleteFile?: (prev: ActionState, form: FormData) => Promise<ActionState>
}) {
  if (entries.length === 0) return <p className="text-sm text-slate-500">No replies yet.</p>
  return (
    <ol className="space-y-4" aria-label="Conversation">
      {entries.map((c) => (
        <li key={c.id} className={`rounded-lg p-4 ring-1 ${c.internal ? 'bg-amber-50 ring-amber-200' : c.isSolution ? 'bg-emerald-50 ring-emerald-200' : 'bg-white ring-slate-200'}`}
          aria-label={c.internal ? `Internal note by ${c.author}` : `Reply by ${c.author}`}>
          <div className="mb-2 flex flex-wrap items-center gap-2 text-sm">
            <span className="font-medium text-slate-900">{c.author}</span>
            {c.authorId === requesterId && <span className="text-slate-500">(requester)</span>}
            {c.internal && <Badge tone="amber">Internal note · staff only</Badge>}
            {c.isSolution && <Badge tone="green">Solution</Badge>}
            <time className="ml-auto text-xs text-slate-500" dateTime={c.createdAt.toISOString()}>{formatTime(c.createdAt, tz)}</time>
          </div>
          <p className="whitespace-pre-wrap break-words text-sm text-slate-800">{c.body}</p>
          {files?.[c.id] && <AttachmentList org={org} items={files[c.id]} deleteAction={deleteFile} />}
          {markSolution && !c.internal && !c.isSolution && (
            <div className="mt-3">
              <ActionForm action={markSolution} fields={{ org, number, commentId: c.id }} label="Mark as solution" pendingLabel="Marking…" variant="ghost" className="px-2 py-1 text-xs" />
            </div>
          )}
        </li>
      ))}
    </ol>
  )
}
