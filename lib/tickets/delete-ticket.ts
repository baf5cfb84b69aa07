import 'server-only'
import { and, eq } from 'drizzle-orm'
import { z } from 'zod'
import { tickets } from '@/db/schema'
import { withTx } from '@/lib/db/tx'
import type { Ctx } from '@/lib/auth/ctx-type'
import { authorize } from '@/lib/authz/can'
import { recordAudit } from '@/lib/audit/record'
import { NotFoundError } from '@/lib/errors'
import { loadVisibleTicket } from './internal/load'
import { TicketRefInput } from './schemas'

/** Soft delete: the ticket vanishes from every list, search, count and export (§3). */
export async function deleteTicket(ctx: Ctx, raw: z.input<typeof TicketRefInput>) {
  authorize(ctx, 'ticket:delete')
  const { number } = TicketRefInput.parse(raw)
  return withTx(ctx, async (tx) => {
    const ticket = await loadVisibleTicket(tx, ctx, number, { lock: true })
    const now = new Date()
    await tx.update(tickets).set({ deletedAt: now, deletedById: ctx.user.id })
      .where(and(eq(tickets.organizationId, ctx.org.id), eq(tickets.id, ticket.id)))
    await recordAudit(tx, ctx, { entityType: 'ticket', entityId: ticket.id, action: 'ticket.deleted', changes: { deletedAt: [null, now.toISOString()] } })
  })
}

export async function restoreTicket(ctx: Ctx, raw: z.input<typeof TicketRefInput>) {
  authorize(ctx, 'ticket:restore')
  const { number } = TicketRefInput.parse(raw)
  return withTx(ctx, async (tx) => {
    const ticket = await loadVisibleTicket(tx, ctx, number, { lock: true, includeDeleted: true })
    if (!ticket.deletedAt) throw new NotFoundError(`Ticket #${number} is not deleted`)
    await tx.update(tickets).set({ deletedAt: null, deletedById: null })
      .where(and(eq(tickets.organizationId, ctx.org.id), eq(tickets.id, ticket.id)))
    await recordAudit(tx, ctx, { entityType: 'ticket', entityId: ticket.id, action: 'ticket.restored', changes: { deletedAt: [ticket.deletedAt.toISOString(), null] } })
  })
}
