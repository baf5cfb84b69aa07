import { and, eq, sql } from 'drizzle-orm'
import { ticketCounters, tickets } from '@/db/schema'
import type { Ctx } from '@/lib/auth/ctx-type'
import { category, type TestOrg } from './factory'

type Row = Partial<typeof tickets.$inferInsert>

/**
 * `n` tickets written straight to the table (numbers taken from the org's counter), for
 * tests that need thousands: creating each through createTicket would take minutes. The
 * rows are plain new tickets; `each` shapes the i-th one.
 */
export async function manyTickets(o: TestOrg, n: number, each: (i: number) => Row = () => ({}), opts: { by?: Ctx } = {}) {
  const by = opts.by ?? o.requester
  const [counter] = await o.db.update(ticketCounters).set({ lastNumber: sql`${ticketCounters.lastNumber} + ${n}` })
    .where(eq(ticketCounters.organizationId, o.org.id)).returning()
  const first = counter.lastNumber - n + 1
  const general = category(o, 'General')
  const rows = Array.from({ length: n }, (_, i) => ({
    organizationId: o.org.id, number: first + i, title: `Bulk ticket ${first + i}`, description: 'Seeded for a test',
    requesterId: by.user.id, createdById: by.user.id, categoryId: general, ...each(i),
  }))
  const out: (typeof tickets.$inferSelect)[] = []
  for (let i = 0; i < rows.length; i += 500) out.push(...await o.db.insert(tickets).values(rows.slice(i, i + 500)).returning())
  return out
}

export async function ticketsOf(o: TestOrg) {
  return o.db.select().from(tickets).where(and(eq(tickets.organizationId, o.org.id)))
}
