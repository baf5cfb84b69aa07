import 'server-only'
import { and, eq, lt, sql } from 'drizzle-orm'
import type { z } from 'zod'
import { ticketPresence } from '@/db/schema'
import { withTx } from '@/lib/db/tx'
import type { Ctx } from '@/lib/auth/ctx-type'
import { authorize } from '@/lib/authz/can'
import { loadVisibleTicket } from '@/lib/tickets/internal/load'
import { publishLive } from '@/lib/live/publish'
import { LeavePresenceInput, PRESENCE_TTL_SECONDS, PresenceInput } from './schemas'

const expired = sql`now() - make_interval(secs => ${PRESENCE_TTL_SECONDS})`

/**
 * A heartbeat from a staff member's open ticket page (issue 16). Colleagues' pages hear of
 * it only when something they show changes — someone arrives, comes back after expiring,
 * starts or stops typing — not on every beat. Times are the database's, so instances with
 * drifting clocks agree on who has expired.
 */
export async function touchPresence(ctx: Ctx, raw: z.input<typeof PresenceInput>) {
  authorize(ctx, 'ticket:work')
  const input = PresenceInput.parse(raw)
  await withTx(ctx, async (tx) => {
    const ticket = await loadVisibleTicket(tx, ctx, input.number)
    const key = and(eq(ticketPresence.organizationId, ctx.org.id), eq(ticketPresence.ticketId, ticket.id))
    const [before] = await tx.select({ typing: ticketPresence.typing, fresh: sql<boolean>`${ticketPresence.seenAt} > ${expired}` })
      .from(ticketPresence).where(and(key, eq(ticketPresence.userId, ctx.user.id)))
    await tx.insert(ticketPresence).values({ organizationId: ctx.org.id, ticketId: ticket.id, userId: ctx.user.id, typing: input.typing, seenAt: sql`now()` })
      .onConflictDoUpdate({ target: [ticketPresence.organizationId, ticketPresence.ticketId, ticketPresence.userId], set: { typing: input.typing, seenAt: sql`now()` } })
    // Whoever left without saying so is swept here, so the table stays the size of who is looking.
    await tx.delete(ticketPresence).where(and(key, lt(ticketPresence.seenAt, expired)))
    if (!before?.fresh || before.typing !== input.typing) await publishLive(tx, [{ o: ctx.org.id, k: 'presence', t: ticket.id, i: true }])
  })
}

/** The page was closed: gone at once rather than after the expiry. */
export async function leavePresence(ctx: Ctx, raw: z.input<typeof LeavePresenceInput>) {
  authorize(ctx, 'ticket:work')
  const input = LeavePresenceInput.parse(raw)
  await withTx(ctx, async (tx) => {
    const ticket = await loadVisibleTicket(tx, ctx, input.number)
    const gone = await tx.delete(ticketPresence).where(and(eq(ticketPresence.organizationId, ctx.org.id),
      eq(ticketPresence.ticketId, ticket.id), eq(ticketPresence.userId, ctx.user.id))).returning({ userId: ticketPresence.userId })
    if (gone.length) await publishLive(tx, [{ o: ctx.org.id, k: 'presence', t: ticket.id, i: true }])
  })
}
