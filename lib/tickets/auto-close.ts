import 'server-only'
import { and, asc, eq, isNull, lt, sql } from 'drizzle-orm'
import { organizations, tickets } from '@/db/schema'
import type { Db } from '@/db/client'
import { systemCtx } from '@/lib/auth/system'
import { applyStatus } from './internal/set-status'
import { checkTransition } from './workflow'

const BATCH = 200
export const AUTO_CLOSE_EVERY_MS = 15 * 60_000

/**
 * §4: a resolved ticket closes by itself N days after resolution (org setting
 * `autoCloseDays`; 0 turns it off). Each ticket closes in its own transaction under a row
 * lock, re-checked, so a requester reopening at the same moment wins cleanly.
 */
export async function autoCloseResolved(db: Db): Promise<number> {
  const days = sql`coalesce((${organizations.settings}->>'autoCloseDays')::int, 7)`
  let closed = 0
  for (;;) {
    const due = await db.select({ id: tickets.id, orgId: tickets.organizationId, org: { id: organizations.id, slug: organizations.slug, name: organizations.name, settings: organizations.settings } })
      .from(tickets).innerJoin(organizations, eq(organizations.id, tickets.organizationId))
      .where(and(eq(tickets.status, 'resolved'), isNull(tickets.deletedAt), sql`${days} > 0`,
        lt(tickets.resolvedAt, sql`now() - make_interval(days => ${days})`)))
      .orderBy(asc(tickets.resolvedAt)).limit(BATCH)
    for (const d of due) {
      const done = await db.transaction(async (tx) => {
        const [t] = await tx.select().from(tickets)
          .where(and(eq(tickets.organizationId, d.orgId), eq(tickets.id, d.id), eq(tickets.status, 'resolved'))).for('update')
        if (!t) return false
        const ctx = systemCtx(d.org)
        if (!checkTransition(t.status, 'closed', new Set(['system'])).ok) return false
        await applyStatus(tx, ctx, t, 'closed', `Closed automatically ${d.org.settings.autoCloseDays ?? 7} days after resolution`)
        return true
      })
      if (done) closed++
    }
    if (due.length < BATCH) return closed
  }
}
