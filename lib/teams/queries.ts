import 'server-only'
import { and, asc, count, eq, inArray, isNull, sql, type AnyColumn, type SQL } from 'drizzle-orm'
import { memberships, routingRules, teamMembers, teams, tickets, users } from '@/db/schema'
import { getDb } from '@/db/client'
import type { Ctx } from '@/lib/auth/ctx-type'
import { authorize } from '@/lib/authz/can'
import { openStatuses } from '@/lib/tickets/workflow'

/**
 * SQL: `userId` sits in a team of the organisation — `teamId` when given, a restricted one
 * (cleared for sensitive tickets, §6) when `restricted`. `userId` is a column of the outer
 * query, which must join (Drizzle leaves a single table's columns unqualified). One
 * definition for the request context, the notifications and the assignee search.
 */
export function inTeamSql(orgId: string | AnyColumn, userId: AnyColumn, opts: { teamId?: string; restricted?: boolean } = {}): SQL<boolean> {
  return sql<boolean>`exists (select 1 from ${teamMembers} tm join ${teams} t on t.organization_id = tm.organization_id and t.id = tm.team_id
    where tm.organization_id = ${orgId} and tm.user_id = ${userId}${opts.teamId ? sql` and tm.team_id = ${opts.teamId}` : sql``}${opts.restricted ? sql` and t.restricted` : sql``})`
}

export type TeamMemberView = { userId: string; name: string; email: string; role: string; active: boolean }

/** Every team with its members, by name: the settings page and the assignment pickers. Two queries whatever the number of teams. */
export async function listTeams(ctx: Ctx) {
  authorize(ctx, 'ticket:assign')
  const db = await getDb()
  const [rows, members] = await Promise.all([
    db.select().from(teams).where(eq(teams.organizationId, ctx.org.id)).orderBy(asc(teams.name)),
    db.select({ teamId: teamMembers.teamId, userId: users.id, name: users.name, email: users.email, role: memberships.role, active: memberships.active })
      .from(teamMembers)
      .innerJoin(memberships, and(eq(memberships.organizationId, teamMembers.organizationId), eq(memberships.userId, teamMembers.userId)))
      .innerJoin(users, eq(users.id, teamMembers.userId))
      .where(eq(teamMembers.organizationId, ctx.org.id)).orderBy(asc(users.name)),
  ])
  return rows.map((t) => ({
    id: t.id, name: t.name, restricted: t.restricted, field: t.field, assignmentStrategy: t.assignmentStrategy, createdAt: t.createdAt,
    members: members.filter((m) => m.teamId === t.id)
      .map((m): TeamMemberView => ({ userId: m.userId, name: m.name, email: m.email, role: m.role, active: m.active })),
  }))
}
export type TeamView = Awaited<ReturnType<typeof listTeams>>[number]

/** Per team: open tickets and routing rules, shown on the settings page and in the delete confirmation. */
export async function teamUsage(ctx: Ctx) {
  authorize(ctx, 'settings:manage')
  const db = await getDb()
  const [open, rules] = await Promise.all([
    db.select({ teamId: tickets.teamId, n: count() }).from(tickets)
      .where(and(eq(tickets.organizationId, ctx.org.id), isNull(tickets.deletedAt), inArray(tickets.status, [...openStatuses])))
      .groupBy(tickets.teamId),
    db.select({ teamId: routingRules.teamId, n: count() }).from(routingRules)
      .where(eq(routingRules.organizationId, ctx.org.id)).groupBy(routingRules.teamId),
  ])
  const usage = new Map<string, { openTickets: number; rules: number }>()
  const at = (id: string) => usage.get(id) ?? usage.set(id, { openTickets: 0, rules: 0 }).get(id)!
  for (const r of open) if (r.teamId) at(r.teamId).openTickets = r.n
  for (const r of rules) at(r.teamId).rules = r.n
  return usage
}
