import 'server-only'
import { and, eq, or, sql, type AnyColumn, type SQL } from 'drizzle-orm'
import { teamMembers, tickets } from '@/db/schema'
import type { Ctx } from '@/lib/auth/ctx-type'
import { authorize } from '@/lib/authz/can'
import { noRows, visibleRollups, visibleTickets } from '@/lib/authz/visibility'

/**
 * Whose numbers a person's dashboard counts: an admin the organisation's; an agent their own
 * and their teams' (§12) — tickets assigned to them or to one of their teams. Always on top
 * of the visibility rule, never instead of it.
 */
function mine(ctx: Ctx, assignee: AnyColumn, team: AnyColumn): SQL | undefined {
  if (ctx.role === 'admin') return undefined
  return or(eq(assignee, ctx.user.id), sql`${team} in (select ${teamMembers.teamId} from ${teamMembers}
    where ${teamMembers.organizationId} = ${ctx.org.id} and ${teamMembers.userId} = ${ctx.user.id})`)
}

/** Staff only: requesters have no dashboard (the page answers no access, the export 403). */
export function authorizeInsight(ctx: Ctx) {
  authorize(ctx, 'ticket:work')
}

export const insightScope = (ctx: Ctx) => (ctx.role === 'admin' ? 'org' : 'mine') as 'org' | 'mine'

/** Tickets the figures may count, optionally one team's. */
export function insightTickets(ctx: Ctx, teamId?: string): SQL {
  return and(visibleTickets(ctx), mine(ctx, tickets.assigneeId, tickets.teamId), teamId ? eq(tickets.teamId, teamId) : undefined)!
}

/**
 * Rollup buckets an organisation-wide figure may sum. Admins only: a bucket has neither team
 * nor assignee, so a narrower view reads the tickets (lib/insight/sums.ts).
 */
export function insightRollups(ctx: Ctx): SQL {
  return ctx.role === 'admin' ? visibleRollups(ctx) : noRows
}

/** The instants bounding the viewer's days [from, to] (SQL, so the zone's rules are Postgres's). */
export const dayStart = (day: string, tz: string) => sql`(${day}::date::timestamp at time zone ${tz})`
export const dayEnd = (day: string, tz: string) => sql`((${day}::date + 1)::timestamp at time zone ${tz})`
