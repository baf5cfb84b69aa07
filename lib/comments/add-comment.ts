import 'server-only'
import { randomUUID } from 'node:crypto'
import { and, count, eq, ne, sql } from 'drizzle-orm'
import { z } from 'zod'
import { comments, tickets } from '@/db/schema'
import { withTx, type Tx } from '@/lib/db/tx'
import type { Ctx } from '@/lib/auth/ctx-type'
import { authorize, can } from '@/lib/authz/can'
import { isStaffRole } from '@/lib/authz/permissions'
import { recordAudit } from '@/lib/audit/record'
import { ConflictError, ForbiddenError, ValidationError } from '@/lib/errors'
import { visibleComments } from '@/lib/authz/visibility'
import { loadVisibleTicket } from '@/lib/tickets/internal/load'
import { ComposeReplyInput } from '@/lib/tickets/schemas'
import { applyStatus } from '@/lib/tickets/internal/set-status'
import { notifyTicket } from '@/lib/notifications/notify'
import { claimAttachments } from '@/lib/attachments/claim'

/**
 * A public reply or an internal note (§7). A staff public reply counts as the first
 * response; a requester's reply wakes a pending ticket and reopens a resolved one.
 */
export async function addComment(ctx: Ctx, raw: z.input<typeof ComposeReplyInput>) {
  authorize(ctx, 'comment:reply')
  const input = ComposeReplyInput.parse(raw)
  if (input.internal && !can(ctx, 'comment:internal')) throw new ForbiddenError('Only staff can add internal notes')
  return withTx(ctx, async (tx) => {
    const ticket = await loadVisibleTicket(tx, ctx, input.number, { lock: true })
    const staff = isStaffRole(ctx.role)
    if (!staff && (ticket.status === 'closed' || ticket.status === 'cancelled')) {
      throw new ValidationError('This ticket is closed', { body: ['This ticket is closed. Please open a new ticket.'] })
    }
    if (input.seenAt && !input.sendAnyway) await refuseIfNewer(tx, ctx, ticket.id, input.seenAt)
    const now = new Date()
    const patch: Partial<typeof tickets.$inferInsert> = { updatedAt: now }
    if (staff && !input.internal && !ticket.firstResponseAt && ticket.requesterId !== ctx.user.id) patch.firstResponseAt = now
    // The comment's id is chosen here so the reply, the ticket's touch and the audit event go
    // out together (one round trip on Postgres) instead of one after the other.
    const id = randomUUID()
    const [[comment]] = await Promise.all([
      tx.insert(comments).values({
        id, organizationId: ctx.org.id, ticketId: ticket.id, authorId: ctx.user.id, body: input.body, internal: input.internal, createdAt: now,
      }).returning(),
      tx.update(tickets).set(patch).where(and(eq(tickets.organizationId, ctx.org.id), eq(tickets.id, ticket.id))),
      recordAudit(tx, ctx, {
        entityType: 'comment', entityId: id, action: input.internal ? 'comment.internal_added' : 'comment.added',
        changes: { ticketId: [null, ticket.id], internal: [null, input.internal], length: [null, input.body.length] },
      }),
    ])
    Object.assign(ticket, patch)
    // The files join in the same transaction: the reply and its attachments commit together or not at all.
    await claimAttachments(tx, ctx, ticket, input.attachmentIds, { commentId: comment.id, internal: input.internal })
    // An internal note never leaves the staff side: no notification, no message (§7).
    if (!input.internal) await notifyTicket(tx, ctx, ticket, { event: 'ticket.replied', excerpt: input.body })
    if (ticket.requesterId === ctx.user.id && !input.internal) {
      if (ticket.status === 'pending') await applyStatus(tx, ctx, ticket, 'in_progress', 'Requester replied')
      else if (ticket.status === 'resolved') await applyStatus(tx, ctx, ticket, 'open', 'Requester replied')
    }
    return comment
  })
}

/**
 * The collision guard (issue 16): replies by others that the sender has not seen — counted
 * with the sender's own visibility, so a requester is never told about an internal note —
 * turn the send into a question. Compared at millisecond precision, as the page's `seenAt` is.
 */
async function refuseIfNewer(tx: Tx, ctx: Ctx, ticketId: string, seenAt: Date) {
  const [{ n }] = await tx.select({ n: count() }).from(comments).where(and(
    visibleComments(ctx), eq(comments.ticketId, ticketId), ne(comments.authorId, ctx.user.id),
    sql`date_trunc('milliseconds', ${comments.createdAt}) > ${seenAt.toISOString()}::timestamptz`,
  ))
  if (n > 0) {
    const what = n === 1 ? '1 new reply' : `${n} new replies`
    throw new ConflictError(`${what} since you opened this ticket — send anyway?`)
  }
}
