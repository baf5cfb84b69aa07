import 'server-only'
import { and, asc, inArray } from 'drizzle-orm'
import { ZodError, type z } from 'zod'
import { tickets } from '@/db/schema'
import { withTx, type DbOrTx } from '@/lib/db/tx'
import type { Ctx } from '@/lib/auth/ctx-type'
import { authorize } from '@/lib/authz/can'
import type { Permission } from '@/lib/authz/permissions'
import { visibleTickets } from '@/lib/authz/visibility'
import { recordAudit } from '@/lib/audit/record'
import { DomainError, ValidationError } from '@/lib/errors'
import { assignTicket } from './assign-ticket'
import { changeStatus } from './change-status'
import { deleteTicket } from './delete-ticket'
import { updateTicket } from './update-ticket'
import { changeTicketTags } from './internal/change-tags'
import { loadVisibleTicket } from './internal/load'
import { ticketFilters, type ListOptions } from './list-tickets'
import { TicketListQuery } from './schemas'
import {
  BULK_CAP, BulkUpdateInput, capMessage, describeBulkAction,
  type BulkAction, type BulkResult, type BulkRowResult, type BulkSelection,
} from './bulk-schemas'

/** What each action needs beyond being staff; checked once, before any ticket is touched. */
const permissionFor: Record<BulkAction['type'], Permission | null> = {
  assign: 'ticket:assign', priority: 'ticket:edit', add_tag: 'ticket:edit', remove_tag: 'ticket:edit', delete: 'ticket:delete',
  // Who may move a ticket where is the §4 workflow's rule, applied per ticket by changeStatus.
  status: null, close: null,
}

type Target = { id: string; number: number | null; title: string | null }

/**
 * Selected tickets the caller may see, by number (a stable lock order). An id that is
 * missing, deleted, another organisation's or hidden comes back without number or title,
 * exactly alike. A query is the list's own filters (`ticketFilters`), resolved here.
 */
async function resolveSelection(tx: DbOrTx, ctx: Ctx, selection: BulkSelection, opts: ListOptions): Promise<Target[]> {
  const cols = { id: tickets.id, number: tickets.number, title: tickets.title }
  if (selection.by === 'ids') {
    const ids = [...new Set(selection.ids)]
    const found = await tx.select(cols).from(tickets)
      .where(and(visibleTickets(ctx), inArray(tickets.id, ids))).orderBy(asc(tickets.number))
    const seen = new Set(found.map((t) => t.id))
    return [...found, ...ids.filter((id) => !seen.has(id)).map((id) => ({ id, number: null, title: null }))]
  }
  const q = TicketListQuery.parse(selection.query)
  if (q.deleted) throw new ValidationError('Bulk actions work on live tickets only; restore deleted tickets one by one.')
  const found = await tx.select(cols).from(tickets).where(ticketFilters(ctx, q, opts))
    .orderBy(asc(tickets.number)).limit(BULK_CAP + 1)
  if (found.length > BULK_CAP) throw new ValidationError(capMessage)
  if (found.length === 0) throw new ValidationError('No tickets match these filters any more.')
  return found
}

/** One ticket, through the very verb a single change uses (its checks, history, audit, notices). */
async function applyOne(ctx: Ctx, number: number, action: BulkAction): Promise<void> {
  switch (action.type) {
    case 'assign':
      await assignTicket(ctx, { number, teamId: action.teamId, assigneeId: action.assigneeId, reason: action.reason })
      return
    case 'status':
      await changeStatus(ctx, { number, to: action.to, note: action.note })
      return
    case 'close':
      await changeStatus(ctx, { number, to: 'closed' })
      return
    case 'priority': {
      const t = await loadVisibleTicket(ctx.tx!, ctx, number)
      await updateTicket(ctx, {
        number, title: t.title, description: t.description, priority: action.priority, categoryId: t.categoryId ?? undefined, sensitive: t.sensitive,
      })
      return
    }
    case 'add_tag':
      await changeTicketTags(ctx.tx!, ctx, number, { add: [action.tag] })
      return
    case 'remove_tag':
      await changeTicketTags(ctx.tx!, ctx, number, { remove: [action.tag] })
      return
    case 'delete':
      await deleteTicket(ctx, { number })
  }
}

/** A refusal in words; a missing or hidden ticket is "not found", whatever the verb said. */
function reasonOf(err: DomainError | ZodError): string {
  if (err instanceof ZodError) return err.issues[0]?.message ?? 'Invalid input'
  return err.code === 'not_found' ? 'Not found' : err.message
}

/**
 * Applies one action to many tickets (§11) in one transaction, each ticket in its own
 * savepoint: a ticket the workflow or a rule refuses is rolled back alone and reported with
 * the reason, the others go through. Anything unexpected (the database failing) aborts the
 * whole action, so it is applied completely or not at all. At most BULK_CAP tickets.
 */
export type BulkOptions = ListOptions & {
  /** Called after each ticket (and once with 0 done when the selection is known): for a progress bar. */
  onProgress?: (done: number, total: number) => void
}

export async function bulkUpdate(ctx: Ctx, raw: z.input<typeof BulkUpdateInput>, opts: BulkOptions = {}): Promise<BulkResult> {
  authorize(ctx, 'ticket:work')
  const parsed = BulkUpdateInput.safeParse(raw)
  if (!parsed.success) {
    const issues = parsed.error.issues
    throw new ValidationError(issues[0]?.message ?? 'Invalid bulk action', Object.fromEntries(issues.map((i) => [i.path.join('.') || '_form', [i.message]])))
  }
  const { selection, action } = parsed.data
  const permission = permissionFor[action.type]
  if (permission) authorize(ctx, permission, action.type === 'delete' ? 'Only an admin can delete tickets' : undefined)
  return withTx(ctx, async (tx, txCtx) => {
    const targets = await resolveSelection(tx, txCtx, selection, opts)
    const rows: BulkRowResult[] = []
    opts.onProgress?.(0, targets.length)
    for (const t of targets) {
      if (rows.length) opts.onProgress?.(rows.length, targets.length)
      if (t.number === null) {
        rows.push({ id: t.id, number: null, title: null, ok: false, reason: 'Not found' })
        continue
      }
      const number = t.number
      try {
        await tx.transaction((sp) => applyOne({ ...txCtx, tx: sp }, number, action))
        rows.push({ id: t.id, number, title: t.title!, ok: true })
      } catch (err) {
        if (!(err instanceof DomainError) && !(err instanceof ZodError)) throw err
        rows.push({ id: t.id, number, title: t.title, ok: false, reason: reasonOf(err) })
      }
    }
    opts.onProgress?.(rows.length, targets.length)
    const applied = rows.filter((r) => r.ok).length
    const label = describeBulkAction(action)
    // One summary event beside each ticket's own: who ran which bulk action over how many.
    await recordAudit(tx, txCtx, {
      entityType: 'organization', entityId: ctx.org.id, action: 'ticket.bulk_updated',
      changes: { action: [null, label], parameters: [null, action], applied: [null, applied], refused: [null, rows.length - applied] },
    })
    return { action: label, applied, refused: rows.length - applied, rows }
  })
}
