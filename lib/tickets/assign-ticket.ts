import 'server-only'
import { z } from 'zod'
import { withTx } from '@/lib/db/tx'
import type { Ctx } from '@/lib/auth/ctx-type'
import { authorize } from '@/lib/authz/can'
import { ValidationError } from '@/lib/errors'
import { applyAssignment } from './internal/apply-assignment'
import { checkAssignment } from './internal/assignment-rules'
import { loadVisibleTicket } from './internal/load'
import { AssignTicketInput } from './schemas'

/**
 * Assign to a team and/or an agent, transfer, or unassign (§6). Without `teamId` the ticket
 * keeps its team. Taking a ticket away from another agent and giving it to someone (a
 * transfer) needs a reason, which goes into the assignment history. The first assignment of
 * a new ticket opens it (§4).
 */
export async function assignTicket(ctx: Ctx, raw: z.input<typeof AssignTicketInput>) {
  authorize(ctx, 'ticket:assign')
  const input = AssignTicketInput.parse(raw)
  return withTx(ctx, async (tx) => {
    const ticket = await loadVisibleTicket(tx, ctx, input.number, { lock: true })
    const next = { teamId: input.teamId === undefined ? ticket.teamId : input.teamId, assigneeId: input.assigneeId }
    if (next.teamId === ticket.teamId && next.assigneeId === ticket.assigneeId) return ticket
    await checkAssignment(tx, ctx.org.id, ticket, next)
    const transfer = !!ticket.assigneeId && !!next.assigneeId && next.assigneeId !== ticket.assigneeId && ticket.assigneeId !== ctx.user.id
    if (transfer && !input.reason) {
      throw new ValidationError('Reason required', { reason: ['Say why you are moving this ticket from its current assignee'] })
    }
    await applyAssignment(tx, ctx, ticket, next, { kind: 'assigned', reason: input.reason })
    return ticket
  })
}
