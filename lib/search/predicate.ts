import 'server-only'
import { TZDate } from '@date-fns/tz'
import { and, eq, inArray, isNull, or, sql, type AnyColumn, type SQL } from 'drizzle-orm'
import { categories, memberships, teams, tickets, users } from '@/db/schema'
import type { Ctx } from '@/lib/auth/ctx-type'
import { isStaffRole } from '@/lib/authz/permissions'
import { slaStatusSql } from '@/lib/sla/status-sql'
import { openStatuses } from '@/lib/tickets/workflow'
import type { DateBound, SearchQuery } from './query'
import { textPredicate } from './text'

// A parsed search turned into one predicate over `tickets`. It is only ever ANDed onto
// `visibleTickets` (lib/tickets/list-tickets.ts), so no search can widen what anyone sees.


const DAY_MS = 86_400_000
const UNIT_MS = { h: 3_600_000, d: DAY_MS, w: 7 * DAY_MS } as const

/** `created>2026-01-01`: after that day ends in the viewer's zone; `updated<7d`: less than 7 days ago. */
function dateBound(column: typeof tickets.createdAt | typeof tickets.updatedAt, b: DateBound, timeZone: string, now: Date): SQL {
  if ('ago' in b) {
    const at = new Date(now.getTime() - b.ago.n * UNIT_MS[b.ago.unit])
    // An age reads the other way round: updated<7d is more recent than 7 days ago.
    const op = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' }[b.op]
    return sql`${column} ${sql.raw(op)} ${at.toISOString()}::timestamptz`
  }
  const [y, m, d] = b.day.split('-').map(Number) as [number, number, number]
  const start = new TZDate(y, m - 1, d, timeZone)
  const end = new TZDate(y, m - 1, d + 1, timeZone)
  const at = (t: Date) => sql`${new Date(t.getTime()).toISOString()}::timestamptz`
  switch (b.op) {
    case '>': return sql`${column} >= ${at(end)}`
    case '>=': return sql`${column} >= ${at(start)}`
    case '<': return sql`${column} < ${at(start)}`
    case '<=': return sql`${column} < ${at(end)}`
  }
}

const lowerIn = (col: SQL | AnyColumn, values: string[]) => sql`lower(${col}) in (${sql.join(values.map((v) => sql`${v.toLowerCase()}`), sql`, `)})`

export function searchPredicate(ctx: Ctx, q: SearchQuery, opts: { timeZone?: string; now?: Date } = {}): SQL | undefined {
  const tz = opts.timeZone ?? 'UTC'
  const now = opts.now ?? new Date()
  const staff = isStaffRole(ctx.role)
  const parts: (SQL | undefined)[] = [textPredicate(ctx, q)]
  if (q.status.length) parts.push(inArray(tickets.status, q.status))
  if (q.priority.length) parts.push(inArray(tickets.priority, q.priority))
  // Tags are stored lower-case (lib/tickets/tags.ts); each alternative is one probe of tickets_org_tags_idx.
  if (q.tag.length) parts.push(or(...q.tag.map((t) => sql`${tickets.tags} @> array[${t.toLowerCase()}]::text[]`)))
  if (q.category.length) {
    parts.push(sql`${tickets.categoryId} = any(array(select ${categories.id} from ${categories}
      where ${categories.organizationId} = ${ctx.org.id} and ${lowerIn(sql`${categories.name}`, q.category)}))`)
  }
  for (const b of q.created) parts.push(dateBound(tickets.createdAt, b, tz, now))
  for (const b of q.updated) parts.push(dateBound(tickets.updatedAt, b, tz, now))
  // The rest name people, teams and SLA states: staff filters (a requester sees only their own tickets anyway).
  if (staff) {
    if (q.assignee.length) {
      const alts: SQL[] = []
      if (q.assignee.includes('me')) alts.push(eq(tickets.assigneeId, ctx.user.id))
      if (q.assignee.includes('none')) alts.push(isNull(tickets.assigneeId))
      const emails = q.assignee.filter((a) => a !== 'me' && a !== 'none')
      if (emails.length) alts.push(sql`${tickets.assigneeId} = any(array(select sa.id from ${users} sa where ${lowerIn(sql`sa.email`, emails)}))`)
      parts.push(or(...alts))
    }
    if (q.requester.length) {
      // By email (users' unique lower(email) index) or by name among the org's members
      // (memberships' (org, lower(name)) index); ids as an array, so the tickets side is an
      // index condition on (org, requester) rather than a probe per ticket.
      parts.push(sql`${tickets.requesterId} = any(array(select sr.id from ${users} sr where ${lowerIn(sql`sr.email`, q.requester)}
        union select m.user_id from ${memberships} m where m.organization_id = ${ctx.org.id} and ${lowerIn(sql`m.name`, q.requester)}))`)
    }
    if (q.team.length) {
      const names = q.team.filter((t) => t.toLowerCase() !== 'none')
      const alts: SQL[] = []
      if (names.length < q.team.length) alts.push(isNull(tickets.teamId))
      if (names.length) {
        alts.push(sql`${tickets.teamId} = any(array(select ${teams.id} from ${teams} where ${teams.organizationId} = ${ctx.org.id} and ${lowerIn(sql`${teams.name}`, names)}))`)
      }
      parts.push(or(...alts))
    }
    if (q.sla.length) {
      const states = q.sla.flatMap((s) => (s === 'breached' ? ['breached_response', 'breached_resolution'] : [s]))
      parts.push(sql`${slaStatusSql} in (${sql.join(states.map((s) => sql`${s}`), sql`, `)})`)
    }
    if (q.is.includes('sensitive')) parts.push(eq(tickets.sensitive, true))
  }
  if (q.is.includes('unassigned')) parts.push(isNull(tickets.assigneeId))
  if (q.is.includes('open')) parts.push(inArray(tickets.status, [...openStatuses]))
  const defined = parts.filter((p): p is SQL => !!p)
  return defined.length ? and(...defined) : undefined
}
