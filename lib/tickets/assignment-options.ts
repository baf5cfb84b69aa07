import 'server-only'
import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import { memberships, teamMembers, teams, users } from '@/db/schema'
import { getDb } from '@/db/client'
import type { Ctx } from '@/lib/auth/ctx-type'
import { authorize } from '@/lib/authz/can'

export type AssignmentOptions = {
  teams: { id: string; name: string; restricted: boolean; memberIds: string[] }[]
  agents: { id: string; name: string; role: 'agent' | 'admin'; cleared: boolean }[]
}

/**
 * What the assignment form may offer for one ticket: for a sensitive ticket only
 * restricted teams and people cleared for it (admins, restricted-team members), the same
 * rule `checkAssignment` enforces on the server (§6). Two queries.
 */
export async function assignmentOptions(ctx: Ctx, ticket: { sensitive: boolean }): Promise<AssignmentOptions> {
  authorize(ctx, 'ticket:assign')
  const db = await getDb()
  const [teamRows, people] = await Promise.all([
    db.select({ id: teams.id, name: teams.name, restricted: teams.restricted, memberIds: sql<string[]>`coalesce(array_agg(${teamMembers.userId}) filter (where ${teamMembers.userId} is not null), '{}')` })
      .from(teams)
      .leftJoin(teamMembers, and(eq(teamMembers.organizationId, teams.organizationId), eq(teamMembers.teamId, teams.id)))
      .where(and(eq(teams.organizationId, ctx.org.id), ticket.sensitive ? eq(teams.restricted, true) : undefined))
      .groupBy(teams.organizationId, teams.id, teams.name, teams.restricted).orderBy(asc(teams.name)),
    db.select({
      id: users.id, name: users.name, role: memberships.role,
      cleared: sql<boolean>`exists (select 1 from ${teamMembers} tm join ${teams} t on t.organization_id = tm.organization_id and t.id = tm.team_id
        where tm.organization_id = ${ctx.org.id} and tm.user_id = ${users.id} and t.restricted)`,
    }).from(memberships).innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.organizationId, ctx.org.id), eq(memberships.active, true), inArray(memberships.role, ['agent', 'admin'])))
      .orderBy(asc(users.name)),
  ])
  const active = new Set(people.map((p) => p.id))
  return {
    teams: teamRows.map((t) => ({ ...t, memberIds: t.memberIds.filter((id) => active.has(id)) })),
    agents: people
      .filter((p) => !ticket.sensitive || p.role === 'admin' || p.cleared)
      .map((p) => ({ id: p.id, name: p.name, role: p.role as 'agent' | 'admin', cleared: p.cleared })),
  }
}
