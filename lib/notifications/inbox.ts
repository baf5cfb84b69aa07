import 'server-only'
import { withTx } from '@/lib/db/tx'
import { and, count, desc, eq, isNull, lt, or, sql, type SQL } from 'drizzle-orm'
import { z } from 'zod'
import { notificationPreferences, notifications, tickets } from '@/db/schema'
import { notificationEvents } from '@/db/schema/notifications'
import { getDb } from '@/db/client'
import type { Ctx } from '@/lib/auth/ctx-type'
import { visibleTickets } from '@/lib/authz/visibility'
import { NotFoundError } from '@/lib/errors'
import { NotificationRefInput, PreferencesInput } from './schemas'

// The signed-in person's own notifications and preferences: every query is scoped to
// ctx.org and ctx.user, so nobody reads or marks anyone else's.
const own = (ctx: Ctx) => and(eq(notifications.organizationId, ctx.org.id), eq(notifications.userId, ctx.user.id))

/**
 * …and, for a notification about a ticket, only while its owner may still see that ticket.
 * The row keeps the ticket's title and number from when it was written; filtering when it
 * is read (with the one visibility rule) hides it after any later change — a sensitive
 * category or flag, a team move, a lost clearance — without each of those having to find
 * and delete rows. Deleted tickets count as visible only to admins, as on the ticket page.
 * Correlating on the organisation as well as the number keeps this a probe of
 * `tickets_org_number_key` per notification read: correlated on the number alone,
 * Postgres hashed the whole org's tickets (a sequential scan) for every count.
 */
function mine(ctx: Ctx): SQL {
  const seesTicket = sql`exists (select 1 from ${tickets} where ${tickets.organizationId} = ${notifications.organizationId}
    and ${tickets.number} = ${notifications.ticketNumber} and ${visibleTickets(ctx, { includeDeleted: true })})`
  return and(own(ctx), or(isNull(notifications.ticketNumber), seesTicket))!
}

/** Unread counts stop at this: the bell shows "99+" beyond it, and each counted row costs a ticket probe. */
export const UNREAD_CAP = 100

/** Unread notifications, counted up to UNREAD_CAP (the bell and the page header, on every page). */
export async function unreadCount(ctx: Ctx): Promise<number> {
  const db = await getDb()
  const unread = db.select({ one: sql`1` }).from(notifications).where(and(mine(ctx), isNull(notifications.readAt))).limit(UNREAD_CAP).as('unread')
  const [row] = await db.select({ n: count() }).from(unread)
  return row.n
}

export const PAGE = 30

export async function listNotifications(ctx: Ctx, opts: { before?: string } = {}) {
  const db = await getDb()
  const before = opts.before && !Number.isNaN(Date.parse(opts.before)) ? new Date(opts.before) : null
  const rows = await db.select().from(notifications)
    .where(and(mine(ctx), before ? lt(notifications.createdAt, before) : undefined))
    .orderBy(desc(notifications.createdAt)).limit(PAGE + 1)
  return { rows: rows.slice(0, PAGE), older: rows.length > PAGE ? rows[PAGE - 1].createdAt.toISOString() : null }
}

export async function markRead(ctx: Ctx, raw: z.input<typeof NotificationRefInput>) {
  const { id } = NotificationRefInput.parse(raw)
  const db = await getDb()
  const updated = await db.update(notifications).set({ readAt: new Date() })
    .where(and(mine(ctx), eq(notifications.id, id))).returning({ id: notifications.id })
  if (updated.length === 0) throw new NotFoundError('That notification was not found')
}

export async function markAllRead(ctx: Ctx) {
  const db = await getDb()
  const updated = await db.update(notifications).set({ readAt: new Date() })
    .where(and(mine(ctx), isNull(notifications.readAt))).returning({ id: notifications.id })
  return updated.length
}

export async function getPreferences(ctx: Ctx) {
  const db = await getDb()
  const rows = await db.select().from(notificationPreferences)
    .where(and(eq(notificationPreferences.organizationId, ctx.org.id), eq(notificationPreferences.userId, ctx.user.id)))
  return notificationEvents.map((event) => {
    const r = rows.find((x) => x.event === event)
    return { event, email: r?.email ?? true, inApp: r?.inApp ?? true }
  })
}

/** Saves all events at once, in one transaction. */
export async function savePreferences(ctx: Ctx, raw: z.input<typeof PreferencesInput>) {
  const input = PreferencesInput.parse(raw)
  await withTx(ctx, async (tx) => {
    for (const p of input.prefs) {
      await tx.insert(notificationPreferences)
        .values({ organizationId: ctx.org.id, userId: ctx.user.id, event: p.event, email: p.email, inApp: p.inApp })
        .onConflictDoUpdate({
          target: [notificationPreferences.organizationId, notificationPreferences.userId, notificationPreferences.event],
          set: { email: p.email, inApp: p.inApp },
        })
    }
  })
}
