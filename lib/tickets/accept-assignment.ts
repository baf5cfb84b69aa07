import 'server-only'
import { and, eq } from 'drizzle-orm'
import { z } from 'zod'
import { teams } from '@/db/schema'
import { withTx } from '@/lib/db/tx'
import type { DbOrTx } from '@/db/client'
import type { Ctx } from '@/lib/auth/ctx-type'
import { authorize } from '@/lib/authz/can'
import { ConflictError } from '@/lib/errors'
import { applyAssignment } from './internal/apply-assignment'
import { loadVisibleTicket } from './internal/load'
import { RejectAssignmentInput, TicketRefInput } from './schemas'

const finished = new Set(['resolved', 'closed', 'cancelled'])

/**
 * Only the person the job was given to answers it; anyone else gets a plain refusal. And
 * only in a field team (§6 field-ops flow): a service desk's tickets are simply worked.
 */
async function loadMine(tx: DbOrTx, ctx: Ctx, number: number) {
  const ticket = await loadVisibleTicket(tx, ctx, number, { lock: true })
  if (ticket.assigneeId !== ctx.user.id) throw new ConflictError('This ticket is not assigned to you')
  if (finished.has(ticket.status)) throw new ConflictError('This ticket is already finished')
  if (!(await isFieldTeam(tx, ctx.org.id, ticket.teamId))) {
    throw new ConflictError('Accepting or rejecting a job is for field teams; this ticket is not in one')
  }
  return ticket
}

async function isFieldTeam(tx: DbOrTx, orgId: string, teamId: string | null): Promise<boolean> {
  if (!teamId) return false
  const [team] = await tx.select({ field: teams.field }).from(teams).where(and(eq(teams.organizationId, orgId), eq(teams.id, teamId)))
  return !!team?.field
}

/** The assigned agent takes the job (§6 field-ops flow). Accepting twice changes nothing. */
export async function acceptAssignment(ctx: Ctx, raw: z.input<typeof TicketRefInput>) {
  authorize(ctx, 'ticket:work')
  const input = TicketRefInput.parse(raw)
  return withTx(ctx, async (tx) => {
    const ticket = await loadMine(tx, ctx, input.number)
    if (ticket.acceptedAt) return ticket
    await applyAssignment(tx, ctx, ticket, { teamId: ticket.teamId, assigneeId: ticket.assigneeId }, { kind: 'accepted' })
    return ticket
  })
}

/**
 * The assigned agent turns the job down, with a reason: the ticket goes back to its team's
 * queue, unassigned, and the team hears of it through the outbox (admins, if it has no team).
 */
export async function rejectAssignment(ctx: Ctx, raw: z.input<typeof RejectAssignmentInput>) {
  authorize(ctx, 'ticket:work')
  const input = RejectAssignmentInput.parse(raw)
  return withTx(ctx, async (tx) => {
    const ticket = await loadMine(tx, ctx, input.number)
    await applyAssignment(tx, ctx, ticket, { teamId: ticket.teamId, assigneeId: null }, { kind: 'rejected', reason: input.reason })
    return ticket
  })
}
