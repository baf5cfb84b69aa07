import 'server-only'
import { and, asc, count, eq, inArray, isNull } from 'drizzle-orm'
import { memberships, teamMembers, teams, tickets } from '@/db/schema'
import type { DbOrTx } from '@/db/client'
import { loadTeam } from '@/lib/teams/load'
import { openStatuses } from '@/lib/tickets/workflow'

/**
 * Picks the member of a team who gets the next ticket (§6), inside the caller's transaction.
 * Only active agents and admins count; `exclude` drops people (e.g. who rejected this ticket).
 *
 * Race-free: the team row is locked first, so concurrent picks for one team queue up. Under
 * READ COMMITTED each later statement sees what the previous pick committed, so round-robin
 * reads the moved cursor and least-open counts the ticket just handed out.
 */
export async function pickAgent(tx: DbOrTx, orgId: string, teamId: string, opts: { exclude?: string[] } = {}): Promise<string | null> {
  const team = await loadTeam(tx, orgId, teamId, { lock: true })
  if (team.assignmentStrategy === 'manual') return null
  const exclude = new Set(opts.exclude ?? [])
  // Stable order (user id) so the cursor walks everyone in turn, whoever joins or leaves.
  const members = (await tx.select({ userId: teamMembers.userId }).from(teamMembers)
    .innerJoin(memberships, and(eq(memberships.organizationId, teamMembers.organizationId), eq(memberships.userId, teamMembers.userId)))
    .where(and(eq(teamMembers.organizationId, orgId), eq(teamMembers.teamId, teamId),
      eq(memberships.active, true), inArray(memberships.role, ['agent', 'admin'])))
    .orderBy(asc(teamMembers.userId)))
    .map((m) => m.userId).filter((id) => !exclude.has(id))
  if (members.length === 0) return null

  // Members in turn after the cursor: round-robin takes the first, least-open breaks ties with this order.
  const after = team.lastAssigneeId
  const start = after ? members.findIndex((id) => id > after) : 0
  const turn = start <= 0 ? members : [...members.slice(start), ...members.slice(0, start)]

  let chosen = turn[0]
  if (team.assignmentStrategy === 'least_open') {
    const load = new Map((await tx.select({ userId: tickets.assigneeId, n: count() }).from(tickets)
      .where(and(eq(tickets.organizationId, orgId), inArray(tickets.assigneeId, members), isNull(tickets.deletedAt), inArray(tickets.status, [...openStatuses])))
      .groupBy(tickets.assigneeId)).map((r) => [r.userId!, r.n]))
    chosen = turn.reduce((best, id) => ((load.get(id) ?? 0) < (load.get(best) ?? 0) ? id : best), turn[0])
  }
  await tx.update(teams).set({ lastAssigneeId: chosen }).where(and(eq(teams.organizationId, orgId), eq(teams.id, teamId)))
  return chosen
}
