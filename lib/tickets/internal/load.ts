import 'server-only'
import { and, eq } from 'drizzle-orm'
import { tickets, teamMembers, teams } from '@/db/schema'
import type { DbOrTx } from '@/db/client'
import type { Ctx } from '@/lib/auth/ctx-type'
import { visibleTickets } from '@/lib/authz/visibility'
import { NotFoundError } from '@/lib/errors'
import type { Capacity } from '../workflow'

export type TicketRow = typeof tickets.$inferSelect

/**
 * Loads a ticket the actor can see, locked for update inside a write transaction.
 * Invisible and missing tickets fail identically (§6).
 */
export async function loadVisibleTicket(tx: DbOrTx, ctx: Ctx, number: number, opts: { lock?: boolean; includeDeleted?: boolean } = {}): Promise<TicketRow> {
  const q = tx.select().from(tickets)
    .where(and(visibleTickets(ctx, { includeDeleted: opts.includeDeleted }), eq(tickets.number, number))).limit(1)
  const [row] = opts.lock ? await q.for('update') : await q
  if (!row) throw new NotFoundError(`Ticket #${number} was not found`)
  return row
}

export function capacities(ctx: Ctx, ticket: TicketRow): Set<Capacity> {
  const caps = new Set<Capacity>()
  if (ctx.role === 'admin') caps.add('admin')
  if (ctx.role === 'admin' || ctx.role === 'agent') {
    caps.add('agent')
    if (ticket.assigneeId === ctx.user.id) caps.add('assignee')
  }
  if (ticket.requesterId === ctx.user.id) caps.add('requester')
  return caps
}

/** Whether `userId` may hold a sensitive ticket: an admin or a member of a restricted team. */
export async function isCleared(tx: DbOrTx, orgId: string, userId: string): Promise<boolean> {
  const [row] = await tx.select({ one: teamMembers.userId }).from(teamMembers)
    .innerJoin(teams, and(eq(teams.organizationId, teamMembers.organizationId), eq(teams.id, teamMembers.teamId)))
    .where(and(eq(teamMembers.organizationId, orgId), eq(teamMembers.userId, userId), eq(teams.restricted, true))).limit(1)
  return !!row
}
