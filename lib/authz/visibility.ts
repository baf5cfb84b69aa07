import 'server-only'
import { and, eq, isNull, or, sql, type SQL } from 'drizzle-orm'
import { comments, ticketRollups, tickets } from '@/db/schema'
import type { Ctx } from '@/lib/auth/ctx-type'

/**
 * The one place that decides which tickets a person can see (§2, §6). Lists, detail,
 * counts, search and exports all filter with this predicate, never their own copy.
 */
export function visibleTickets(ctx: Ctx, opts: { includeDeleted?: boolean } = {}): SQL {
  const parts: (SQL | undefined)[] = [eq(tickets.organizationId, ctx.org.id)]
  if (!(opts.includeDeleted && ctx.role === 'admin')) parts.push(isNull(tickets.deletedAt))
  if (ctx.role === 'requester') {
    parts.push(eq(tickets.requesterId, ctx.user.id))
  } else if (ctx.role === 'agent' && !ctx.cleared) {
    // Sensitive tickets exist only for their requester, cleared teams and admins.
    parts.push(or(eq(tickets.sensitive, false), eq(tickets.requesterId, ctx.user.id)))
  }
  return and(...parts)!
}

/** Internal notes are staff-only on every path (§7). */
export function visibleComments(ctx: Ctx): SQL {
  const parts: SQL[] = [eq(comments.organizationId, ctx.org.id)]
  if (ctx.role === 'requester') parts.push(eq(comments.internal, false))
  return and(...parts)!
}

export const noRows = sql`false`

/**
 * The same rule over the dashboard's rollup (lib/insight): a bucket holds no requester, so
 * requesters see none of it and an uncleared agent none of the sensitive buckets — stricter
 * than visibleTickets only for a sensitive ticket the agent requested themself, which a
 * rollup cannot single out. Deleted tickets are never in a bucket.
 */
export function visibleRollups(ctx: Ctx): SQL {
  if (ctx.role === 'requester') return noRows
  const parts: SQL[] = [eq(ticketRollups.organizationId, ctx.org.id)]
  if (ctx.role === 'agent' && !ctx.cleared) parts.push(eq(ticketRollups.sensitive, false))
  return and(...parts)!
}
