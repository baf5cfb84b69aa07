import 'server-only'
import { and, asc, eq, ilike, inArray, or, sql } from 'drizzle-orm'
import { z } from 'zod'
import { memberships, teamMembers, teams, users } from '@/db/schema'
import { dbFor } from '@/lib/db/tx'
import type { Ctx } from '@/lib/auth/ctx-type'
import { authorize } from '@/lib/authz/can'
import { inTeamSql } from '@/lib/teams/queries'
import { loadVisibleTicket } from './internal/load'
import { TICKET_NUMBER_MAX } from './schemas'

export type AssignmentOptions = {
  teams: { id: string; name: string; restricted: boolean }[]
  /** Whether "Assign to me" may be offered: the viewer could hold this ticket. */
  canTakeIt: boolean
}

/**
 * What the assignment form may offer for one ticket: for a sensitive ticket only
 * restricted teams (§6), the rule `checkAssignment` enforces on the server. People are not
 * listed here: a large desk has thousands of agents, so the form searches them through
 * `searchAssignees` as the user types. One query.
 */
export async function assignmentOptions(ctx: Ctx, ticket: { sensitive: boolean; teamId: string | null }): Promise<AssignmentOptions> {
  authorize(ctx, 'ticket:assign')
  const db = await dbFor(ctx)
  const rows = await db.select({
    id: teams.id, name: teams.name, restricted: teams.restricted,
    member: sql<boolean>`exists (select 1 from ${teamMembers} tm where tm.organization_id = ${teams.organizationId} and tm.team_id = ${teams.id} and tm.user_id = ${ctx.user.id})`,
  }).from(teams)
    .where(and(eq(teams.organizationId, ctx.org.id), ticket.sensitive ? eq(teams.restricted, true) : undefined))
    .orderBy(asc(teams.name))
  const inTicketTeam = !ticket.teamId || rows.some((t) => t.id === ticket.teamId && t.member)
  const cleared = !ticket.sensitive || ctx.role === 'admin' || ctx.cleared
  return { teams: rows.map(({ id, name, restricted }) => ({ id, name, restricted })), canTakeIt: inTicketTeam && cleared }
}

export const AssigneeSearch = z.object({
  q: z.string().trim().max(100, 'Search for at most 100 characters').default(''),
  /** Only members of this team. */
  team: z.string().uuid('Unknown team').optional(),
  /** Only people who may hold this ticket (a sensitive one narrows to cleared people). */
  ticket: z.coerce.number().int().min(1).max(TICKET_NUMBER_MAX).optional(),
  /** Just this person, if they qualify: checks a choice still stands after the team changes. */
  id: z.string().uuid().optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
})
export type Assignee = { id: string; name: string; email: string; role: 'agent' | 'admin' }

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`)

/**
 * Active agents and admins of the org whose name or email contains `q`, alphabetical,
 * narrowed like `checkAssignment` narrows: to a team's members, and for a sensitive ticket
 * to admins and members of restricted teams. Staff only; the ticket goes through
 * `visibleTickets`, so another org's or a hidden ticket's number answers "not found".
 */
export async function searchAssignees(ctx: Ctx, raw: z.input<typeof AssigneeSearch>): Promise<Assignee[]> {
  authorize(ctx, 'ticket:assign')
  const input = AssigneeSearch.parse(raw)
  const db = await dbFor(ctx)
  const sensitive = input.ticket ? (await loadVisibleTicket(db, ctx, input.ticket)).sensitive : false
  const pattern = `%${likeEscape(input.q)}%`
  const rows = await db.select({ id: users.id, name: users.name, email: users.email, role: memberships.role }).from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(
      eq(memberships.organizationId, ctx.org.id), eq(memberships.active, true), inArray(memberships.role, ['agent', 'admin']),
      input.q ? or(ilike(users.name, pattern), ilike(users.email, pattern)) : undefined,
      input.id ? eq(users.id, input.id) : undefined,
      input.team ? inTeamSql(ctx.org.id, users.id, { teamId: input.team, restricted: sensitive }) : undefined,
      sensitive && !input.team ? or(eq(memberships.role, 'admin'), inTeamSql(ctx.org.id, users.id, { restricted: true })) : undefined,
    ))
    .orderBy(asc(users.name), asc(users.id)).limit(input.limit)
  return rows as Assignee[]
}

/** The name behind an assignee filter's id (the list shows a name, not an id); null for anyone who is not an active agent here. */
export async function assigneeName(ctx: Ctx, id: string): Promise<string | null> {
  if (!AssigneeSearch.shape.id.safeParse(id).success) return null
  const [person] = await searchAssignees(ctx, { id, limit: 1 })
  return person?.name ?? null
}
