import 'server-only'
import { and, asc, eq, gt, ne, sql } from 'drizzle-orm'
import { memberships, ticketPresence, users } from '@/db/schema'
import { dbFor } from '@/lib/db/tx'
import type { Ctx } from '@/lib/auth/ctx-type'
import { authorize } from '@/lib/authz/can'
import { loadVisibleTicket } from '@/lib/tickets/internal/load'
import { PRESENCE_TTL_SECONDS } from './schemas'

export type Presence = { userId: string; name: string; typing: boolean }

/** The other staff members with this ticket open now, typists first (the collision warning). */
export async function listPresence(ctx: Ctx, number: number): Promise<Presence[]> {
  authorize(ctx, 'ticket:work')
  const db = await dbFor(ctx)
  const ticket = await loadVisibleTicket(db, ctx, number)
  return db.select({ userId: users.id, name: users.name, typing: ticketPresence.typing }).from(ticketPresence)
    .innerJoin(users, eq(users.id, ticketPresence.userId))
    // Only people still active in the org: a deactivated colleague's last beat is not shown.
    .innerJoin(memberships, and(eq(memberships.organizationId, ticketPresence.organizationId), eq(memberships.userId, ticketPresence.userId), eq(memberships.active, true)))
    .where(and(eq(ticketPresence.organizationId, ctx.org.id), eq(ticketPresence.ticketId, ticket.id), ne(ticketPresence.userId, ctx.user.id),
      gt(ticketPresence.seenAt, sql`now() - make_interval(secs => ${PRESENCE_TTL_SECONDS})`)))
    .orderBy(sql`${ticketPresence.typing} desc`, asc(users.name))
}
