import { z } from 'zod'
import { ticketPriorities, ticketStatuses } from '@/db/enums'
import { AssignTicketInput, ChangeStatusInput } from './schemas'

// Client-safe: the bulk bar builds its request with these, the server parses it with them.

export { ticketPriorities, ticketStatuses }

/** The most tickets one bulk action may touch. More is refused, never silently cut. */
export const BULK_CAP = 1_000
/** Above this many tickets any action asks for confirmation first. */
export const CONFIRM_OVER = 50
export const TAG_MAX = 40

export const capMessage = `A bulk action takes at most ${BULK_CAP.toLocaleString('en')} tickets at once. Narrow the filters or select fewer tickets.`

/** A tag as stored: one lower-case word (no spaces or commas), as `tag:` in the search box expects. */
export const tagField = z.string({ required_error: 'Enter a tag' }).trim().toLowerCase()
  .min(1, 'Enter a tag').max(TAG_MAX, `Keep a tag under ${TAG_MAX} characters`)
  .regex(/^[^\s,]+$/, 'A tag is one word: no spaces or commas')

export const BulkAction = z.discriminatedUnion('type', [
  z.object({ type: z.literal('assign'), teamId: AssignTicketInput.shape.teamId, assigneeId: AssignTicketInput.shape.assigneeId, reason: AssignTicketInput.shape.reason }),
  z.object({ type: z.literal('status'), to: z.enum(ticketStatuses, { errorMap: () => ({ message: 'Choose a status' }) }), note: ChangeStatusInput.shape.note }),
  z.object({ type: z.literal('priority'), priority: z.enum(ticketPriorities, { errorMap: () => ({ message: 'Choose low, normal, high or urgent' }) }) }),
  z.object({ type: z.literal('add_tag'), tag: tagField }),
  z.object({ type: z.literal('remove_tag'), tag: tagField }),
  z.object({ type: z.literal('close') }),
  z.object({ type: z.literal('delete') }),
], { errorMap: () => ({ message: 'Choose an action' }) })
export type BulkAction = z.infer<typeof BulkAction>

/**
 * Which tickets: the ids the person ticked (only ever a subset of what they may see; the
 * rest are refused as not found), or the list's filters, resolved again on the server.
 */
export const BulkSelection = z.discriminatedUnion('by', [
  z.object({ by: z.literal('ids'), ids: z.array(z.string().uuid('Unknown ticket')).min(1, 'Select at least one ticket').max(BULK_CAP, capMessage) }),
  z.object({ by: z.literal('query'), query: z.record(z.string().max(500)).refine((q) => Object.keys(q).length <= 30, 'Too many filters') }),
], { errorMap: () => ({ message: 'Select tickets first' }) })
export type BulkSelection = z.infer<typeof BulkSelection>

export const BulkUpdateInput = z.object({ selection: BulkSelection, action: BulkAction })
export type BulkUpdateInput = z.input<typeof BulkUpdateInput>

export type BulkRowResult =
  | { id: string; number: number; title: string; ok: true }
  /** `number` and `title` are null when the ticket is missing or hidden: nothing about it is told. */
  | { id: string; number: number | null; title: string | null; ok: false; reason: string }

export type BulkResult = { action: string; applied: number; refused: number; rows: BulkRowResult[] }

const priorityLabel = (p: string) => p.charAt(0).toUpperCase() + p.slice(1)

/** What the action does, in words: for the confirmation, the results and the audit log. */
export function describeBulkAction(a: BulkAction, names: { team?: string; assignee?: string; status?: string } = {}): string {
  switch (a.type) {
    case 'assign': {
      const who = a.assigneeId ? names.assignee ?? 'an agent' : 'nobody'
      const team = a.teamId === undefined ? '' : a.teamId === null ? ', no team' : `, team ${names.team ?? 'chosen'}`
      return `Assign to ${who}${team}`
    }
    case 'status': return `Change status to ${names.status ?? a.to.replace('_', ' ')}`
    case 'priority': return `Set priority to ${priorityLabel(a.priority)}`
    case 'add_tag': return `Add tag “${a.tag}”`
    case 'remove_tag': return `Remove tag “${a.tag}”`
    case 'close': return 'Close'
    case 'delete': return 'Delete'
  }
}
