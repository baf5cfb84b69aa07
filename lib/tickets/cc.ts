import 'server-only'
import { and, asc, eq } from 'drizzle-orm'
import type { z } from 'zod'
import { ticketCc, tickets, users } from '@/db/schema'
import { dbFor, withTx, type Tx } from '@/lib/db/tx'
import type { Ctx } from '@/lib/auth/ctx-type'
import { authorize } from '@/lib/authz/can'
import { visibleTickets } from '@/lib/authz/visibility'
import { recordAudit } from '@/lib/audit/record'
import { ValidationError } from '@/lib/errors'
import { loadVisibleTicket, type TicketRow } from './internal/load'
import { MAX_CC, TicketCcInput } from './schemas'

/**
 * Email addresses copied on a ticket (issue 14). They receive its public replies by email
 * and nothing else (lib/notifications/notify.ts). The requester manages them on their
 * portal page, staff on the ticket; both may add and remove any of them. None is added to
 * a sensitive ticket, and those added before it became sensitive are no longer sent to.
 */
export async function addTicketCc(ctx: Ctx, raw: z.input<typeof TicketCcInput>) {
  authorize(ctx, 'comment:reply')
  const { number, email } = TicketCcInput.parse(raw)
  return withTx(ctx, async (tx) => {
    const ticket = await loadVisibleTicket(tx, ctx, number, { lock: true })
    const before = await ccOf(tx, ticket)
    if (before.includes(email)) return { changed: false }
    // Copies go outside the people who may see the ticket; a restricted one sends none (§6).
    if (ticket.sensitive) throw new ValidationError('Copies are not sent for a restricted ticket', { email: ['Copies are not sent for a restricted ticket'] })
    const [requester] = await tx.select({ email: users.email }).from(users).where(eq(users.id, ticket.requesterId))
    if (requester?.email.toLowerCase() === email) {
      throw new ValidationError('The requester already receives every reply', { email: ['That is the requester’s own address; they already get every reply'] })
    }
    if (before.length >= MAX_CC) {
      throw new ValidationError(`A ticket can copy at most ${MAX_CC} addresses`, { email: [`At most ${MAX_CC} addresses; remove one first`] })
    }
    await tx.insert(ticketCc).values({ organizationId: ctx.org.id, ticketId: ticket.id, email, addedById: ctx.user.id })
    await recordAudit(tx, ctx, { entityType: 'ticket', entityId: ticket.id, action: 'ticket.cc_added', changes: { cc: [before, [...before, email]] } })
    return { changed: true }
  })
}

export async function removeTicketCc(ctx: Ctx, raw: z.input<typeof TicketCcInput>) {
  authorize(ctx, 'comment:reply')
  const { number, email } = TicketCcInput.parse(raw)
  return withTx(ctx, async (tx) => {
    const ticket = await loadVisibleTicket(tx, ctx, number, { lock: true })
    const before = await ccOf(tx, ticket)
    if (!before.includes(email)) return { changed: false }
    await tx.delete(ticketCc).where(and(eq(ticketCc.organizationId, ctx.org.id), eq(ticketCc.ticketId, ticket.id), eq(ticketCc.email, email)))
    await recordAudit(tx, ctx, { entityType: 'ticket', entityId: ticket.id, action: 'ticket.cc_removed', changes: { cc: [before, before.filter((e) => e !== email)] } })
    return { changed: true }
  })
}

/** The addresses copied on a ticket the caller can see, oldest first (none for one they cannot). */
export async function listTicketCc(ctx: Ctx, ticketId: string): Promise<string[]> {
  authorize(ctx, 'ticket:read')
  const db = await dbFor(ctx)
  const rows = await db.select({ email: ticketCc.email }).from(ticketCc)
    .innerJoin(tickets, and(eq(tickets.organizationId, ticketCc.organizationId), eq(tickets.id, ticketCc.ticketId)))
    .where(and(visibleTickets(ctx, { includeDeleted: true }), eq(ticketCc.ticketId, ticketId)))
    .orderBy(asc(ticketCc.createdAt), asc(ticketCc.email))
  return rows.map((r) => r.email)
}

async function ccOf(tx: Tx, ticket: TicketRow): Promise<string[]> {
  const rows = await tx.select({ email: ticketCc.email }).from(ticketCc)
    .where(and(eq(ticketCc.organizationId, ticket.organizationId), eq(ticketCc.ticketId, ticket.id)))
    .orderBy(asc(ticketCc.createdAt), asc(ticketCc.email))
  return rows.map((r) => r.email)
}
