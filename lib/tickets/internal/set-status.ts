import 'server-only'
import { and, eq } from 'drizzle-orm'
import { comments, statusHistory, tickets, type TicketStatus } from '@/db/schema'
import type { DbOrTx } from '@/db/client'
import type { Ctx } from '@/lib/auth/ctx-type'
import { recordAudit } from '@/lib/audit/record'
import { isSystem, recordedActor } from '@/lib/auth/system'
import type { TicketRow } from './load'
import { notifyTicket } from '@/lib/notifications/notify'
import { recomputeSla } from '@/lib/sla/internal/recompute'
import { startSurvey } from '@/lib/csat/internal/start-survey'

/**
 * Applies a status change that has already been authorised: timestamps, status history
 * and audit, all inside the caller's transaction. Used by user transitions and by the
 * automatic ones (first assignment, requester reply on pending).
 */
export async function applyStatus(tx: DbOrTx, ctx: Ctx, ticket: TicketRow, to: TicketStatus, note: string | null, opts: { quiet?: boolean } = {}) {
  const now = new Date()
  const patch: Partial<TicketRow> = { status: to, updatedAt: now }
  if (to === 'in_progress' && !ticket.firstResponseAt) patch.firstResponseAt = now
  // Starting work on a job is accepting it (§6 field-ops flow).
  if (to === 'in_progress' && ticket.assigneeId && ticket.assigneeId === ctx.user.id && !ticket.acceptedAt) patch.acceptedAt = now
  if (to === 'resolved') patch.resolvedAt = now
  if (to === 'closed') patch.closedAt = now
  if (to === 'open' && (ticket.status === 'resolved' || ticket.status === 'closed')) {
    // Reopening resumes the work: the earlier resolution no longer stands.
    patch.resolvedAt = null
    patch.closedAt = null
  }
  await tx.update(tickets).set(patch).where(and(eq(tickets.organizationId, ctx.org.id), eq(tickets.id, ticket.id)))
  if (patch.resolvedAt === null) {
    // ...and so does the reply that was marked as solving it: a Solution badge on a reopened ticket misleads.
    await tx.update(comments).set({ isSolution: false })
      .where(and(eq(comments.organizationId, ctx.org.id), eq(comments.ticketId, ticket.id), eq(comments.isSolution, true)))
  }
  await tx.insert(statusHistory).values({
    organizationId: ctx.org.id, ticketId: ticket.id, fromStatus: ticket.status, toStatus: to,
    actorId: isSystem(ctx) ? null : ctx.user.id, actorRole: isSystem(ctx) ? null : ctx.role, note: note || null,
  })
  await recordAudit(tx, recordedActor(ctx), {
    entityType: 'ticket', entityId: ticket.id, action: 'ticket.status_changed',
    changes: { status: [ticket.status, to], ...(note ? { note: [null, note] } : {}) },
  })
  Object.assign(ticket, patch)
  await recomputeSla(tx, ctx, ticket)
  // A satisfaction survey for every resolution (issue 16), in the same transaction.
  if (to === 'resolved') await startSurvey(tx, ctx, ticket)
  // Requesters hear of every move; a resolution carries its (public) note. `quiet`: a move
  // made in the same breath as another notice (routing a ticket as it is created).
  if (opts.quiet) return
  await notifyTicket(tx, ctx, ticket, to === 'resolved'
    ? { event: 'ticket.resolved', excerpt: note }
    : { event: 'ticket.status_changed' })
}
