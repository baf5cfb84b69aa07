import 'server-only'
import { and, asc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm'
import { teamMembers, teams, tickets } from '@/db/schema'
import { dbFor } from '@/lib/db/tx'
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

/** Up to this many teams every badge is counted; a bigger desk counts the viewer's own teams (and the open queue). */
export const COUNT_ALL_TEAMS_UP_TO = 12

export type QueueCounts = {
  /** Every unsolved ticket the viewer may see ("All open"). */
  open: number
  mine: number
  unassigned: number
  /** `count` is null for a team not counted (a big desk, not my team, not the open queue). */
  teams: { id: string; name: string; restricted: boolean; member: boolean; count: number | null }[]
}

/**
 * The side list of work queues with their counts (§6), in two parallel queries. Each count
 * goes through `visibleTickets`, like the list it links to, so a badge never counts a ticket
 * the viewer cannot open; each stops at the cap, reading at most cap + 1 index entries.
 * With more than COUNT_ALL_TEAMS_UP_TO teams only my teams and `current` are counted: a
 * desk with 40 teams would otherwise pay 40 counts on every list view for badges nobody
 * reads (the others stay one click away).
 */
export async function queueCounts(ctx: Ctx, opts: { current?: string } = {}): Promise<QueueCounts> {
  authorize(ctx, 'ticket:work')
  const db = await dbFor(ctx)
  const currentTeam = opts.current?.startsWith('team:') ? opts.current.slice('team:'.length) : ''
  const member = sql<boolean>`exists (select 1 from ${teamMembers} tm where tm.organization_id = ${teams.organizationId} and tm.team_id = ${teams.id} and tm.user_id = ${ctx.user.id})`
  const capped = (where: SQL) => sql<number>`(select count(*) from (
    select 1 from ${tickets} where ${and(visibleTickets(ctx), inArray(tickets.status, [...openStatuses]), where)} limit ${QUEUE_COUNT_CAP + 1}) q)`.mapWith(Number)
  const [[totals], perTeam] = await Promise.all([
    db.select({ open: capped(sql`true`), mine: capped(eq(tickets.assigneeId, ctx.user.id)), unassigned: capped(isNull(tickets.assigneeId)) }).from(sql`(select 1) one`),
    db.select({
      id: teams.id, name: teams.name, restricted: teams.restricted,
      count: sql<number | null>`case when count(*) over () <= ${COUNT_ALL_TEAMS_UP_TO} or ${member} or ${teams.id}::text = ${currentTeam}
        then ${capped(sql`${tickets.teamId} = ${teams.id}`)} end`.mapWith((v) => (v === null ? null : Number(v))),
      member,
    // A restricted (cleared) team is listed only to its members and admins: to anyone else
    // even its name and a zero would say that sensitive work exists (§6).
    }).from(teams).where(and(eq(teams.organizationId, ctx.org.id), ctx.role === 'admin' ? undefined : or(eq(teams.restricted, false), member)))
      .orderBy(asc(teams.name)),
  ])
  return {
    open: totals.open,
    mine: totals.mine,
    unassigned: totals.unassigned,
    teams: [...perTeam.filter((t) => t.member), ...perTeam.filter((t) => !t.member)],
  }
}

export const formatQueueCount = (n: number) => (n > QUEUE_COUNT_CAP ? `${QUEUE_COUNT_CAP}+` : String(n))
