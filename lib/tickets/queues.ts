import 'server-only'
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm'
import { teamMembers, teams, tickets } from '@/db/schema'
import { getDb } from '@/db/client'
import type { Ctx } from '@/lib/auth/ctx-type'
import { authorize } from '@/lib/authz/can'
import { visibleTickets } from '@/lib/authz/visibility'
import { openStatuses } from './workflow'

export type QueueCounts = {
  mine: number
  unassigned: number
  teams: { id: string; name: string; restricted: boolean; member: boolean; count: number }[]
}

/**
 * The side list of work queues with their counts (§6), in two queries. Counts are taken
 * through `visibleTickets`, like the list they link to, so a badge never counts a ticket
 * the viewer cannot open. Teams the viewer belongs to come first.
 */
export async function queueCounts(ctx: Ctx): Promise<QueueCounts> {
  authorize(ctx, 'ticket:work')
  const db = await getDb()
  const unsolved = and(visibleTickets(ctx), inArray(tickets.status, [...openStatuses]))
  const [[totals], perTeam] = await Promise.all([
    db.select({
      mine: sql<number>`count(*) filter (where ${tickets.assigneeId} = ${ctx.user.id})`.mapWith(Number),
      unassigned: sql<number>`count(*) filter (where ${tickets.assigneeId} is null)`.mapWith(Number),
    }).from(tickets).where(unsolved),
    db.select({
      id: teams.id, name: teams.name, restricted: teams.restricted, count: count(tickets.id),
      member: sql<boolean>`exists (select 1 from ${teamMembers} tm where tm.organization_id = ${teams.organizationId} and tm.team_id = ${teams.id} and tm.user_id = ${ctx.user.id})`,
    }).from(teams)
      .leftJoin(tickets, and(eq(tickets.organizationId, teams.organizationId), eq(tickets.teamId, teams.id), unsolved))
      .where(eq(teams.organizationId, ctx.org.id))
      .groupBy(teams.organizationId, teams.id, teams.name, teams.restricted)
      .orderBy(asc(teams.name)),
  ])
  return {
    mine: totals?.mine ?? 0,
    unassigned: totals?.unassigned ?? 0,
    teams: [...perTeam.filter((t) => t.member), ...perTeam.filter((t) => !t.member)],
  }
}
