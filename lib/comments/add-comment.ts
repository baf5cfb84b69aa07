import 'server-only'
import { and, eq } from 'drizzle-orm'
import { z } from 'zod'
import { comments, tickets } from '@/db/schema'
import { withTx } from '@/lib/db/tx'
import type { Ctx } from '@/lib/auth/ctx-type'
import { authorize, can } from '@/lib/authz/can'
import { isStaffRole } from '@/lib/authz/permissions'
import { recordAudit } from '@/lib/audit/record'
import { ForbiddenError, ValidationError } from '@/lib/errors'
import { loadVisibleTicket } from '@/lib/tickets/internal/load'
import { AddCommentInput } from '@/lib/tickets/schemas'
import { applyStatus } from '@/lib/tickets/internal/set-status'
import { notifyTicket } from '@/lib/notifications/notify'
import { claimAttachments } from '@/lib/attachments/claim'

/**
 * A public reply or an internal note (§7). A staff public reply counts as the first
 * response; a requester's reply wakes a pending ticket and reopens a resolved one.
 */
export async function addComment(ctx: Ctx, raw: z.input<typeof AddCommentInput>) {
  authorize(ctx, 'comment:reply')
  const input = AddCommentInput.parse(raw)
  if (input.internal && !can(ctx, 'comment:internal')) throw new ForbiddenError('Only staff can add internal notes')
  return withTx(ctx, async (tx) => {
    const ticket = await loadVisibleTicket(tx, ctx, input.number, { lock: true })
    const staff = isStaffRole(ctx.role)
    if (!staff && (ticket.status === 'closed' || ticket.status === 'cancelled')) {
      throw new ValidationError('This ticket is closed', { body: ['This ticket is closed. Please open a new ticket.'] })
    }
    const now = new Date()
    const [comment] = await tx.insert(comments).values({
      organizationId: ctx.org.id, ticketId: ticket.id, authorId: ctx.user.id, body: input.body, internal: input.internal, createdAt: now,
    }).returning()
    // The files join in the same transaction: the reply and its attachments commit together or not at all.
    await claimAttachments(tx, ctx, ticket, input.attachmentIds, { commentId: comment.id, internal: input.internal })
    const patch: Partial<typeof tickets.$inferInsert> = { updatedAt: now }
    if (staff && !input.internal && !ticket.firstResponseAt && ticket.requesterId !== ctx.user.id) patch.firstResponseAt = now
    await tx.update(tickets).set(patch).where(and(eq(tickets.organizationId, ctx.org.id), eq(tickets.id, ticket.id)))
    Object.assign(ticket, patch)
    await recordAudit(tx, ctx, {
      entityType: 'comment', entityId: comment.id, action: input.internal ? 'comment.internal_added' : 'comment.added',
      changes: { ticketId: [null, ticket.id], internal: [null, input.internal], length: [null, input.body.length] },
    })
    // An internal note never leaves the staff side: no notification, no message (§7).
    if (!input.internal) await notifyTicket(tx, ctx, ticket, { event: 'ticket.replied', excerpt: input.body })
    if (ticket.requesterId === ctx.user.id && !input.internal) {
      if (ticket.status === 'pending') await applyStatus(tx, ctx, ticket, 'in_progress', 'Requester replied')
      else if (ticket.status === 'resolved') await applyStatus(tx, ctx, ticket, 'open', 'Requester replied')
    }
    return comment
  })
}
