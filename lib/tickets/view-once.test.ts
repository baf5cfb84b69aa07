import { afterEach, describe, expect, it, vi } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { auditEvents } from '@/db/schema'
import { makeOrg } from '@/test/factory'
import { auditCount, clear, rowOf, ticketIn } from '@/test/tickets'
import { getTicketDetail, VISIT_MS } from './get-ticket'

// Issue 18: one visit to a sensitive ticket wrote three "Viewed" events (the page renders
// again after each action and on live refreshes). One visit, one event.
describe('a visit to a sensitive ticket is audited once', () => {
  afterEach(() => { vi.useRealTimers() })

  it('renders of one visit, even concurrent ones, write one event; each person and each new visit gets its own', async () => {
    const o = await makeOrg()
    const [cleared] = await clear(o, o.agent2)
    const t = await ticketIn(o, 'open', { sensitive: true, assignee: cleared })
    await Promise.all([getTicketDetail(cleared, t.number), getTicketDetail(cleared, t.number), getTicketDetail(cleared, t.number)])
    await getTicketDetail(cleared, t.number)
    expect(await auditCount(o, 'ticket.viewed', t.id)).toBe(1)
    expect((await rowOf(o, t.number)).viewCount).toBe(4)
    await getTicketDetail(o.admin, t.number)
    expect(await auditCount(o, 'ticket.viewed', t.id)).toBe(2)
    // Later, a new visit is on the record again.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + VISIT_MS + 1000 })
    await getTicketDetail(cleared, t.number)
    expect(await auditCount(o, 'ticket.viewed', t.id)).toBe(3)
    const actors = await o.db.select({ a: auditEvents.actorId }).from(auditEvents)
      .where(and(eq(auditEvents.organizationId, o.org.id), eq(auditEvents.action, 'ticket.viewed')))
    expect(actors.map((r) => r.a).sort()).toEqual([cleared.user.id, cleared.user.id, o.admin.user.id].sort())
  })
})
