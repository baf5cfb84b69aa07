import 'server-only'
import { and, eq } from 'drizzle-orm'
import { tickets } from '@/db/schema'
import { dbFor } from '@/lib/db/tx'
import type { Ctx } from '@/lib/auth/ctx-type'
import { isStaffRole } from '@/lib/authz/permissions'
import { visibleTickets } from '@/lib/authz/visibility'
import type { ClientLiveEvent, LiveEvent } from './events'

/**
 * Whether — and as what — one live event may reach one viewer, decided when it is about to
 * be sent (not when it was published), with the same visibility rule as every page: another
 * organisation's events stop at the first line, a staff-only event never reaches a
 * requester, and a ticket event is sent only while the viewer may see that ticket (so a
 * sensitive ticket's never reaches an uncleared agent). Returns null to drop it.
 */
export async function liveEventForViewer(ctx: Ctx, e: LiveEvent): Promise<ClientLiveEvent | null> {
  if (e.o !== ctx.org.id) return null
  const staff = isStaffRole(ctx.role)
  if (e.k === 'inbox') return !e.u || e.u.includes(ctx.user.id) ? { kind: 'inbox' } : null
  if (!e.t) return null
  if ((e.i || e.k === 'presence') && !staff) return null
  const db = await dbFor(ctx)
  const [row] = await db.select({ number: tickets.number }).from(tickets)
    .where(and(eq(tickets.id, e.t), visibleTickets(ctx))).limit(1)
  return row ? { kind: e.k, number: row.number } : null
}
