import 'server-only'
import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm'
import { teamMembers, teams, tickets } from '@/db/schema'
import { getDb } from '@/db/client'
import type { Ctx } from '@/lib/auth/ctx-type'
import { authorize } from '@/lib/authz/can'
import { visibleTickets } from '@/lib/authz/visibility'
import { openStatuses } from './workflow'

/**
 * Badges stop counting here and read "99+": each badge reads at most cap + 1 index entries,
 * and the list page carries one per team, so an exact count of a big backlog would cost
 * more than the page (at 1M tickets a 999 cap cost 16 ms a view).
 */
export const QUEUE_COUNT_CAP = 99

export type QueueCounts = {
  mine: number
  unassigned: number
  teams: { id: string; name: string; restricted: boolean; member: boolean; count: number }[]
}

/**
 * The side list of work queues with their counts (§6), in one query. Each count goes
 * through `visibleTickets`, like the list it links to, so a badge never counts a ticket the
 * viewer cannot open; each stops at the cap, reading at most cap + 1 index entries.
 */
export async function queueCounts(ctx: Ctx): Promise<QueueCounts> {
  authorize(ctx, 'ticket:work')
  const db = await getDb()
  const capped = (where: SQL) => sql<number>`(select count(*) from (
    select 1 from ${tickets} where ${and(visibleTickets(ctx), inArray(tickets.status, [...openStatuses]), where)} limit ${QUEUE_COUNT_CAP + 1}) q)`.mapWith(Number)
  const [[totals], perTeam] = await Promise.all([
    db.select({ mine: capped(eq(tickets.assigneeId, ctx.user.id)), unassigned: capped(isNull(tickets.assigneeId)) }).from(sql`(select 1) one`),
    db.select({
      id: teams.id, name: teams.name, restricted: teams.restricted,
      count: capped(sql`${tickets.teamId} = ${teams.id}`),
      member: sql<boolean>`exists (select 1 from ${teamMembers} tm where tm.organization_id = ${teams.organizationId} and tm.team_id = ${teams.id} and tm.user_id = ${ctx.user.id})`,
    }).from(teams).where(eq(teams.organizationId, ctx.org.id)).orderBy(asc(teams.name)),
  ])
  return {
    mine: totals.mine,
    unassigned: totals.unassigned,
    teams: [...perTeam.filter((t) => t.member), ...perTeam.filter((t) => !t.member)],
  }
}

export const formatQueueCount = (n: number) => (n > QUEUE_COUNT_CAP ? `${QUEUE_COUNT_CAP}+` : String(n))
