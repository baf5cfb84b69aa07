import 'server-only'
import { and, eq, inArray } from 'drizzle-orm'
import { z } from 'zod'
import { assignmentHistory, memberships, tickets } from '@/db/schema'
import { getDb } from '@/db/client'
import type { Ctx } from '@/lib/auth/ctx-type'
import { authorize } from '@/lib/authz/can'
import { recordAudit } from '@/lib/audit/record'
import { ValidationError } from '@/lib/errors'
import { isCleared, loadVisibleTicket } from './load'
import { AssignTicketInput } from './schemas'
import { applyStatus } from './set-status'
import { notifyTicket } from '@/lib/notifications/notify'

/** Assign, transfer or unassign (§6). The first assignment of a new ticket opens it (§4). */
export async function assignTicket(ctx: Ctx, raw: z.input<typeof AssignTicketInput>) {
  authorize(ctx, 'ticket:assign')
  const input = AssignTicketInput.parse(raw)
  const db = await getDb()
  return db.transaction(async (tx) => {
    const ticket = await loadVisibleTicket(tx, ctx, input.number, { lock: true })
    if (ticket.assigneeId === input.assigneeId) return ticket
    if (input.assigneeId) {
      const [member] = await tx.select().from(memberships).where(and(
        eq(memberships.organizationId, ctx.org.id), eq(memberships.userId, input.assigneeId),
        eq(memberships.active, true), inArray(memberships.role, ['agent', 'admin']),
      ))
      if (!member) throw new ValidationError('Unknown agent', { assigneeId: ['Choose an active agent of this organisation'] })
      if (ticket.sensitive && member.role !== 'admin' && !(await isCleared(tx, ctx.org.id, member.userId))) {
        throw new ValidationError('Not cleared', { assigneeId: ['A sensitive ticket can only be assigned to members of a restricted team'] })
      }
    }
    await tx.update(tickets).set({ assigneeId: input.assigneeId, updatedAt: new Date() })
      .where(and(eq(tickets.organizationId, ctx.org.id), eq(tickets.id, ticket.id)))
    await tx.insert(assignmentHistory).values({
      organizationId: ctx.org.id, ticketId: ticket.id, fromAssigneeId: ticket.assigneeId, toAssigneeId: input.assigneeId,
      fromTeamId: ticket.teamId, toTeamId: ticket.teamId, actorId: ctx.user.id, reason: input.reason || null,
    })
    await recordAudit(tx, ctx, {
      entityType: 'ticket', entityId: ticket.id, action: input.assigneeId ? 'ticket.assigned' : 'ticket.unassigned',
      changes: { assigneeId: [ticket.assigneeId, input.assigneeId], ...(input.reason ? { reason: [null, input.reason] } : {}) },
    })
    ticket.assigneeId = input.assigneeId
    if (input.assigneeId) await notifyTicket(tx, ctx, ticket, { event: 'ticket.assigned' })
    if (input.assigneeId && ticket.status === 'new') await applyStatus(tx, ctx, ticket, 'open', 'Opened on assignment')
    return ticket
  })
}
