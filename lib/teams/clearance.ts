import 'server-only'
import { and, count, eq, inArray, isNull, ne, notInArray, sql } from 'drizzle-orm'
import { memberships, teamMembers, teams, tickets, users } from '@/db/schema'
import type { DbOrTx } from '@/db/client'
import { ConflictError } from '@/lib/errors'

/** Tickets still being worked: closed and cancelled ones no longer tie anyone to them. */
const live = () => and(isNull(tickets.deletedAt), notInArray(tickets.status, ['closed', 'cancelled']))

/**
 * A sensitive ticket may only be held by cleared people (§6). Before a change that takes
 * clearance away (leaving or deleting a restricted team, unflagging it), refuse if one of
 * the people losing it still holds a live sensitive ticket: the admin reassigns first,
 * rather than the ticket silently ending up with someone who can no longer see it.
 */
export async function assertClearanceKept(tx: DbOrTx, orgId: string, userIds: string[], losingTeamId: string) {
  if (userIds.length === 0) return
  const stillCleared = sql<boolean>`exists (
    select 1 from ${teamMembers} tm join ${teams} t on t.organization_id = tm.organization_id and t.id = tm.team_id
    where tm.organization_id = ${orgId} and tm.user_id = ${tickets.assigneeId} and t.restricted and t.id <> ${losingTeamId})`
  const holders = await tx.select({ name: users.name, n: count() }).from(tickets)
    .innerJoin(memberships, and(eq(memberships.organizationId, tickets.organizationId), eq(memberships.userId, tickets.assigneeId)))
    .innerJoin(users, eq(users.id, tickets.assigneeId))
    .where(and(
      eq(tickets.organizationId, orgId), eq(tickets.sensitive, true), live(), inArray(tickets.assigneeId, userIds),
      ne(memberships.role, 'admin'), sql`not ${stillCleared}`,
    ))
    .groupBy(users.name)
  if (holders.length) {
    const who = holders.map((h) => `${h.name} (${h.n})`).join(', ')
    throw new ConflictError(`Reassign their sensitive tickets first: ${who} would lose clearance while still assigned`)
  }
}

/** Live sensitive tickets queued in a team: it cannot stop being restricted while it holds any. */
export async function sensitiveTicketsInTeam(tx: DbOrTx, orgId: string, teamId: string): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(tickets)
    .where(and(eq(tickets.organizationId, orgId), eq(tickets.teamId, teamId), eq(tickets.sensitive, true), live()))
  return row.n
}
