import 'server-only'
import { and, eq, inArray } from 'drizzle-orm'
import { assignmentHistory, memberships, teamMembers, tickets, type AssignmentKind } from '@/db/schema'
import type { DbOrTx } from '@/db/client'
import type { Ctx } from '@/lib/auth/ctx-type'
import { isSystem, recordedActor } from '@/lib/auth/system'
import { recordAudit } from '@/lib/audit/record'
import { notifyTicket } from '@/lib/notifications/notify'
import type { TicketRow } from './load'
import { applyStatus } from './set-status'

export type AssignmentTarget = { teamId: string | null; assigneeId: string | null }

const auditAction: Record<AssignmentKind, (t: TicketRow, next: AssignmentTarget) => string> = {
  routed: () => 'ticket.routed',
  accepted: () => 'ticket.accepted',
  rejected: () => 'ticket.rejected',
  assigned: (t, next) => next.assigneeId !== t.assigneeId ? (next.assigneeId ? 'ticket.assigned' : 'ticket.unassigned') : 'ticket.team_changed',
}

/** Active agents and admins of a team: who hears that a ticket waits in its queue. */
async function teamAudience(tx: DbOrTx, orgId: string, teamId: string): Promise<string[]> {
  const rows = await tx.select({ userId: teamMembers.userId }).from(teamMembers)
    .innerJoin(memberships, and(eq(memberships.organizationId, teamMembers.organizationId), eq(memberships.userId, teamMembers.userId)))
    .where(and(eq(teamMembers.organizationId, orgId), eq(teamMembers.teamId, teamId), eq(memberships.active, true), inArray(memberships.role, ['agent', 'admin'])))
  return rows.map((r) => r.userId)
}

async function admins(tx: DbOrTx, orgId: string): Promise<string[]> {
  const rows = await tx.select({ userId: memberships.userId }).from(memberships)
    .where(and(eq(memberships.organizationId, orgId), eq(memberships.role, 'admin'), eq(memberships.active, true)))
  return rows.map((r) => r.userId)
}

/**
 * Writes an already-validated change of team and/or assignee inside the caller's
 * transaction: the ticket, its assignment history row, the audit event and the outbox
 * (§6, §9, §10). Every path that moves a ticket between people and queues (assign,
 * transfer, routing, accept, reject) goes through here, so they never drift apart.
 * A new assignee starts unaccepted, unless they took the ticket themselves.
 */
export async function applyAssignment(tx: DbOrTx, ctx: Ctx, ticket: TicketRow, next: AssignmentTarget,
  opts: { kind: AssignmentKind; reason?: string | null; quiet?: boolean }) {
  const now = new Date()
  const assigneeChanged = next.assigneeId !== ticket.assigneeId
  const teamChanged = next.teamId !== ticket.teamId
  const acceptedAt = opts.kind === 'accepted' ? now
    : assigneeChanged ? (next.assigneeId && next.assigneeId === ctx.user.id ? now : null)
    : ticket.acceptedAt
  await tx.update(tickets).set({ teamId: next.teamId, assigneeId: next.assigneeId, acceptedAt, updatedAt: now })
    .where(and(eq(tickets.organizationId, ctx.org.id), eq(tickets.id, ticket.id)))
  await tx.insert(assignmentHistory).values({
    organizationId: ctx.org.id, ticketId: ticket.id, kind: opts.kind,
    fromAssigneeId: ticket.assigneeId, toAssigneeId: next.assigneeId, fromTeamId: ticket.teamId, toTeamId: next.teamId,
    actorId: isSystem(ctx) ? null : ctx.user.id, reason: opts.reason || null,
  })
  await recordAudit(tx, recordedActor(ctx), {
    entityType: 'ticket', entityId: ticket.id, action: auditAction[opts.kind](ticket, next),
    changes: {
      ...(assigneeChanged ? { assigneeId: [ticket.assigneeId, next.assigneeId] } : {}),
      ...(teamChanged ? { teamId: [ticket.teamId, next.teamId] } : {}),
      ...(opts.kind === 'accepted' ? { acceptedAt: [null, now] } : {}),
      ...(opts.reason ? { reason: [null, opts.reason] } : {}),
    },
  })
  Object.assign(ticket, { teamId: next.teamId, assigneeId: next.assigneeId, acceptedAt, updatedAt: now })

  // Who hears of it: a new assignee; else the team whose queue the ticket now waits in.
  // notifyTicket drops anyone who may not see a sensitive ticket.
  if (opts.kind === 'rejected') {
    const to = next.teamId ? await teamAudience(tx, ctx.org.id, next.teamId) : await admins(tx, ctx.org.id)
    // No excerpt: the reason is staff-only text and excerpts also travel to webhooks; it is on the timeline.
    await notifyTicket(tx, ctx, ticket, { event: 'ticket.rejected', also: to })
  } else if (assigneeChanged && next.assigneeId) {
    await notifyTicket(tx, ctx, ticket, { event: 'ticket.assigned' })
  } else if (teamChanged && next.teamId && !next.assigneeId) {
    await notifyTicket(tx, ctx, ticket, { event: 'ticket.queued', also: await teamAudience(tx, ctx.org.id, next.teamId) })
  }
  // §4: the first assignment of a new ticket opens it.
  if (assigneeChanged && next.assigneeId && ticket.status === 'new') {
    await applyStatus(tx, ctx, ticket, 'open', 'Opened on assignment', { quiet: opts.quiet })
  }
}
