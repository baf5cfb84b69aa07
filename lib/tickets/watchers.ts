import 'server-only'
import { and, count, eq, sql } from 'drizzle-orm'
import type { z } from 'zod'
import { tickets, ticketWatchers } from '@/db/schema'
import { dbFor, withTx } from '@/lib/db/tx'
import type { Ctx } from '@/lib/auth/ctx-type'
import { authorize } from '@/lib/authz/can'
import { visibleTickets } from '@/lib/authz/visibility'
import { recordAudit } from '@/lib/audit/record'
import { loadVisibleTicket } from './internal/load'
import { TicketRefInput } from './schemas'

/**
 * Follow or stop following a ticket (issue 14): staff who can see it hear of its events
 * (lib/notifications/notify.ts) for as long as they still may. Doing it twice is no change.
 */
export async function followTicket(ctx: Ctx, raw: z.input<typeof TicketRefInput>) {
  return setFollowing(ctx, raw, true)
}

export async function unfollowTicket(ctx: Ctx, raw: z.input<typeof TicketRefInput>) {
  return setFollowing(ctx, raw, false)
}

async function setFollowing(ctx: Ctx, raw: z.input<typeof TicketRefInput>, follow: boolean): Promise<{ changed: boolean }> {
  authorize(ctx, 'ticket:work', 'Only staff can follow tickets')
  const { number } = TicketRefInput.parse(raw)
  return withTx(ctx, async (tx) => {
    const ticket = await loadVisibleTicket(tx, ctx, number)
    const mine = and(eq(ticketWatchers.organizationId, ctx.org.id), eq(ticketWatchers.ticketId, ticket.id), eq(ticketWatchers.userId, ctx.user.id))
    const rows = follow
      ? await tx.insert(ticketWatchers).values({ organizationId: ctx.org.id, ticketId: ticket.id, userId: ctx.user.id })
        .onConflictDoNothing().returning({ userId: ticketWatchers.userId })
      : await tx.delete(ticketWatchers).where(mine).returning({ userId: ticketWatchers.userId })
    if (rows.length === 0) return { changed: false }
    await recordAudit(tx, ctx, {
      entityType: 'ticket', entityId: ticket.id, action: follow ? 'ticket.watcher_added' : 'ticket.watcher_removed',
      changes: { watcher: follow ? [null, ctx.user.id] : [ctx.user.id, null] },
    })
    return { changed: true }
  })
}

/** The detail page's toggle: how many follow the ticket and whether the viewer does (zeros for a ticket they cannot see). */
export async function watchState(ctx: Ctx, ticketId: string): Promise<{ count: number; following: boolean }> {
  authorize(ctx, 'ticket:work')
  const db = await dbFor(ctx)
  const [row] = await db.select({
    count: count(ticketWatchers.userId),
    following: sql<boolean>`coalesce(bool_or(${ticketWatchers.userId} = ${ctx.user.id}), false)`,
  }).from(tickets)
    .innerJoin(ticketWatchers, and(eq(ticketWatchers.organizationId, tickets.organizationId), eq(ticketWatchers.ticketId, tickets.id)))
    .where(and(visibleTickets(ctx, { includeDeleted: true }), eq(tickets.id, ticketId)))
  return { count: row?.count ?? 0, following: !!row?.following }
}
