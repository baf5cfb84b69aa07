import 'server-only'
import { and, asc, eq, inArray } from 'drizzle-orm'
import { z } from 'zod'
import { attachments, comments, tickets } from '@/db/schema'
import type { Ctx } from '@/lib/auth/ctx-type'
import { authorize } from '@/lib/authz/can'
import { visibleTickets } from '@/lib/authz/visibility'
import { recordAudit } from '@/lib/audit/record'
import { dbFor, withTx } from '@/lib/db/tx'
import { NotFoundError, ValidationError } from '@/lib/errors'
import { notifyTicket } from '@/lib/notifications/notify'
import { applyStatus } from './internal/set-status'
import { MergeTicketsInput } from './schemas'

const into = (message: string) => new ValidationError(message, { into: [message] })

/**
 * Merges a duplicate into the ticket to keep, in one transaction: the duplicate's
 * description (as a reply by its requester), replies, internal notes (still internal) and
 * attachments move to the target; the duplicate is closed with a link to it; both
 * requesters hear of it; both tickets get an audit event. Both must be visible to the
 * actor (a hidden one is "not found"), live, and a sensitive ticket only goes into a
 * sensitive one — its words must not land where more people can read them (§6).
 */
export async function mergeTickets(ctx: Ctx, raw: z.input<typeof MergeTicketsInput>) {
  authorize(ctx, 'ticket:work')
  const input = MergeTicketsInput.parse(raw)
  return withTx(ctx, async (tx) => {
    // Both rows locked, always in id order: two merges of the same pair in opposite directions cannot deadlock.
    const rows = await tx.select().from(tickets).where(and(visibleTickets(ctx), inArray(tickets.number, [input.number, input.into])))
      .orderBy(asc(tickets.id)).for('update')
    const source = rows.find((r) => r.number === input.number)
    const target = rows.find((r) => r.number === input.into)
    if (!source) throw new NotFoundError(`Ticket #${input.number} was not found`)
    if (!target) throw new NotFoundError(`Ticket #${input.into} was not found`)
    if (source.mergedIntoId) throw new ValidationError('This ticket was already merged', { number: ['This ticket was already merged'] })
    for (const t of [source, target]) {
      if (t.status === 'closed' || t.status === 'cancelled') throw into(`Ticket #${t.number} is ${t.status}; reopen it before merging`)
    }
    if (target.mergedIntoId) throw into(`Ticket #${target.number} was itself merged; merge into the ticket it went to`)
    if (source.sensitive && !target.sensitive) throw into('A sensitive ticket can only be merged into another sensitive ticket')

    // The duplicate's own words join at their original time, so the conversation stays in order.
    // Its solution mark does not carry over: the target has its own (or none).
    await tx.insert(comments).values({
      organizationId: ctx.org.id, ticketId: target.id, authorId: source.requesterId, internal: false, createdAt: source.createdAt,
      body: `Merged from #${source.number} “${source.title}”:\n\n${source.description}`,
    })
    const moved = await tx.update(comments).set({ ticketId: target.id, isSolution: false })
      .where(and(eq(comments.organizationId, ctx.org.id), eq(comments.ticketId, source.id)))
      .returning({ id: comments.id })
    const files = await tx.update(attachments).set({ ticketId: target.id })
      .where(and(eq(attachments.organizationId, ctx.org.id), eq(attachments.ticketId, source.id))).returning({ id: attachments.id })
    const now = new Date()
    await tx.update(tickets).set({ mergedIntoId: target.id, updatedAt: now }).where(and(eq(tickets.organizationId, ctx.org.id), eq(tickets.id, source.id)))
    await tx.update(tickets).set({ updatedAt: now }).where(and(eq(tickets.organizationId, ctx.org.id), eq(tickets.id, target.id)))
    source.mergedIntoId = target.id
    await recordAudit(tx, ctx, {
      entityType: 'ticket', entityId: source.id, action: 'ticket.merged',
      changes: { mergedInto: [null, target.number], comments: [moved.length, 0], attachments: [files.length, 0] },
    })
    await recordAudit(tx, ctx, {
      entityType: 'ticket', entityId: target.id, action: 'ticket.merged_from',
      changes: { mergedFrom: [null, source.number], comments: [null, moved.length + 1], attachments: [null, files.length] },
    })
    // Closing tells the duplicate's requester (status change, with the link in the note).
    await applyStatus(tx, ctx, source, 'closed', `Merged into #${target.number}`)
    // The target's requester hears through the ordinary reply channel; no title of the duplicate goes out.
    await notifyTicket(tx, ctx, { ...target, updatedAt: now }, { event: 'ticket.replied', excerpt: `Request #${source.number} was merged into this ticket.` })
    return { number: source.number, into: target.number, comments: moved.length, attachments: files.length }
  })
}

/** The number of the ticket this one was merged into, when the actor may see it (else null: no hint it exists). */
export async function mergedIntoNumber(ctx: Ctx, ticket: { mergedIntoId: string | null }): Promise<number | null> {
  if (!ticket.mergedIntoId) return null
  const db = await dbFor(ctx)
  const [row] = await db.select({ number: tickets.number }).from(tickets)
    .where(and(visibleTickets(ctx), eq(tickets.id, ticket.mergedIntoId))).limit(1)
  return row?.number ?? null
}
