import 'server-only'
import { and, eq, inArray } from 'drizzle-orm'
import { memberships, teamMembers, teams, users } from '@/db/schema'
import type { DbOrTx } from '@/db/client'
import { ValidationError } from '@/lib/errors'
import type { AssignmentTarget } from './apply-assignment'
import { isCleared } from './load'

/**
 * Who may hold a ticket (§6), checked on every path that sets a team or an assignee:
 * - the team and the agent belong to the actor's organisation (another org's id is unknown);
 * - the agent is an active agent or admin, and a member of the team when one is set;
 * - a sensitive ticket goes only to a restricted team, and only to people cleared by one
 *   (or admins, when no team is set).
 */
export async function checkAssignment(tx: DbOrTx, orgId: string, ticket: { sensitive: boolean }, next: AssignmentTarget) {
  let team: typeof teams.$inferSelect | undefined
  if (next.teamId) {
    ;[team] = await tx.select().from(teams).where(and(eq(teams.organizationId, orgId), eq(teams.id, next.teamId)))
    if (!team) throw new ValidationError('Unknown team', { teamId: ['Choose a team of this organisation'] })
    if (ticket.sensitive && !team.restricted) {
      throw new ValidationError('Not a restricted team', { teamId: ['A sensitive ticket can only go to a restricted team'] })
    }
  }
  if (next.assigneeId) {
    const [member] = await tx.select({ role: memberships.role, name: users.name }).from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(
        eq(memberships.organizationId, orgId), eq(memberships.userId, next.assigneeId),
        eq(memberships.active, true), inArray(memberships.role, ['agent', 'admin']),
      ))
    if (!member) throw new ValidationError('Unknown agent', { assigneeId: ['Choose an active agent of this organisation'] })
    if (team) {
      const [inTeam] = await tx.select({ one: teamMembers.userId }).from(teamMembers).where(and(
        eq(teamMembers.organizationId, orgId), eq(teamMembers.teamId, team.id), eq(teamMembers.userId, next.assigneeId)))
      if (!inTeam) throw new ValidationError('Not in team', { assigneeId: [`${member.name} is not a member of ${team.name}; pick one of its members or another team`] })
    } else if (ticket.sensitive && member.role !== 'admin' && !(await isCleared(tx, orgId, next.assigneeId))) {
      throw new ValidationError('Not cleared', { assigneeId: ['A sensitive ticket can only be assigned to members of a restricted team'] })
    }
  }
  return team ?? null
}
