import 'server-only'
import { z } from 'zod'
import { and, asc, count, eq, inArray, isNull, lte, sql, type AnyColumn, type SQL } from 'drizzle-orm'
import { memberships, routingRules, teamMembers, teams, tickets, users } from '@/db/schema'
import { getDb } from '@/db/client'
import { dbFor } from '@/lib/db/tx'
import type { Ctx } from '@/lib/auth/ctx-type'
import { authorize } from '@/lib/authz/can'
import { memberNameKey } from '@/lib/members/search-members'
import { openStatuses } from '@/lib/tickets/workflow'
import { NotFoundError } from '@/lib/errors'
import { loadTeam } from './load'

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

/**
 * Every team with all its members, by name: the REST API and the routing page. Two queries
 * whatever the number of teams; the settings page, which must not render every member of a
 * large org, uses `teamsOverview`.
 */
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
  // One pass over the members (they arrive in name order, so each team's list stays sorted),
  // not a filter per team: O(teams + members) instead of O(teams × members).
  const byTeam = new Map<string, TeamMemberView[]>()
  for (const m of members) {
    const view: TeamMemberView = { userId: m.userId, name: m.name, email: m.email, role: m.role, active: m.active }
    const list = byTeam.get(m.teamId)
    if (list) list.push(view)
    else byTeam.set(m.teamId, [view])
  }
  return rows.map((t) => ({
    id: t.id, name: t.name, restricted: t.restricted, field: t.field, assignmentStrategy: t.assignmentStrategy, createdAt: t.createdAt,
    members: byTeam.get(t.id) ?? [],
  }))
}
export type TeamView = Awaited<ReturnType<typeof listTeams>>[number]

/**
 * One team of the organisation, for its settings page; a team id of another organisation, or
 * one that is not an id at all (it comes from the URL), is "not found". Admins only.
 */
export async function getTeam(ctx: Ctx, teamId: string) {
  authorize(ctx, 'settings:manage')
  if (!z.string().uuid().safeParse(teamId).success) throw new NotFoundError('That team was not found')
  const t = await loadTeam(await dbFor(ctx), ctx.org.id, teamId)
  return { id: t.id, name: t.name, restricted: t.restricted, field: t.field, assignmentStrategy: t.assignmentStrategy }
}

/** How many members each team card on the settings page shows; the rest are on the team's own page. */
export const TEAM_PREVIEW_SIZE = 8

/**
 * The settings page's teams: each with its member count and only its first
 * `TEAM_PREVIEW_SIZE` members in name order (case-insensitive, then user id, the members
 * list's order). Ranked and cut in SQL, so a team of 1,000 agents sends 8 rows, not 1,000.
 * Names and emails come from the membership's copies (no join with `users`). Admins only.
 */
export async function teamsOverview(ctx: Ctx) {
  authorize(ctx, 'settings:manage')
  const db = await dbFor(ctx)
  const ranked = db.select({
    teamId: teamMembers.teamId, userId: memberships.userId, name: memberships.name, email: memberships.email,
    role: memberships.role, active: memberships.active,
    rank: sql<number>`(row_number() over (partition by ${teamMembers.teamId} order by ${memberNameKey}, ${memberships.userId}))::int`.as('rank'),
    total: sql<number>`(count(*) over (partition by ${teamMembers.teamId}))::int`.as('total'),
  }).from(teamMembers)
    .innerJoin(memberships, and(eq(memberships.organizationId, teamMembers.organizationId), eq(memberships.userId, teamMembers.userId)))
    .where(eq(teamMembers.organizationId, ctx.org.id))
    .as('ranked')
  const [rows, members] = await Promise.all([
    db.select().from(teams).where(eq(teams.organizationId, ctx.org.id)).orderBy(asc(teams.name)),
    db.select().from(ranked).where(lte(ranked.rank, TEAM_PREVIEW_SIZE)).orderBy(asc(ranked.teamId), asc(ranked.rank)),
  ])
  const byTeam = new Map<string, { memberCount: number; members: TeamMemberView[] }>()
  for (const m of members) {
    const team = byTeam.get(m.teamId) ?? byTeam.set(m.teamId, { memberCount: m.total, members: [] }).get(m.teamId)!
    team.members.push({ userId: m.userId, name: m.name, email: m.email, role: m.role, active: m.active })
  }
  return rows.map((t) => ({
    id: t.id, name: t.name, restricted: t.restricted, field: t.field, assignmentStrategy: t.assignmentStrategy,
    ...(byTeam.get(t.id) ?? { memberCount: 0, members: [] }),
  }))
}
export type TeamOverview = Awaited<ReturnType<typeof teamsOverview>>[number]

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
