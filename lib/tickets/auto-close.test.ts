import { and, eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { jobs, organizations, tickets } from '@/db/schema'
import { makeOrg } from '@/test/factory'
import { auditCount, historyOf, rowOf, ticketIn } from '@/test/tickets'
import { verifyOrgChain } from '@/lib/audit/verify'
import { ensureRecurring } from '@/lib/jobs/runner'
import { changeStatus } from './change-status'
import { autoCloseResolved } from './auto-close'

const resolvedDaysAgo = (o: Awaited<ReturnType<typeof makeOrg>>, id: string, days: number) =>
  o.db.update(tickets).set({ resolvedAt: sql`now() - make_interval(days => ${days})` })
    .where(and(eq(tickets.organizationId, o.org.id), eq(tickets.id, id)))

describe('auto-close (§4: closed automatically N days after resolution)', () => {
  it('closes resolved tickets past the org setting as the system, and leaves the rest', async () => {
    const o = await makeOrg()
    const old = await ticketIn(o, 'resolved')
    const recent = await ticketIn(o, 'resolved')
    const open = await ticketIn(o, 'in_progress')
    await resolvedDaysAgo(o, old.id, 8)
    await resolvedDaysAgo(o, recent.id, 2)
    await autoCloseResolved(o.db)
    expect((await rowOf(o, old.number)).status).toBe('closed')
    expect((await rowOf(o, recent.number)).status).toBe('resolved')
    expect((await rowOf(o, open.number)).status).toBe('in_progress')
    const [last] = await historyOf(o, old.id)
    expect(last).toMatchObject({ fromStatus: 'resolved', toStatus: 'closed', actorId: null, actorRole: null })
    expect(last.note).toMatch(/automatically/)
    expect(await auditCount(o, 'ticket.status_changed', old.id)).toBeGreaterThan(0)
    expect((await verifyOrgChain(o.db, o.org)).ok).toBe(true)
  })

  it('follows each org’s own setting; 0 turns it off', async () => {
    const o = await makeOrg()
    await o.db.update(organizations).set({ settings: { ...o.org.settings, autoCloseDays: 0 } }).where(eq(organizations.id, o.org.id))
    const t = await ticketIn(o, 'resolved')
    await resolvedDaysAgo(o, t.id, 400)
    await autoCloseResolved(o.db)
    expect((await rowOf(o, t.number)).status).toBe('resolved')
  })

  it('does not close a ticket the requester reopened in the meantime', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'resolved')
    await resolvedDaysAgo(o, t.id, 30)
    await changeStatus(o.requester, { number: t.number, to: 'open', note: 'Still broken' })
    await autoCloseResolved(o.db)
    expect((await rowOf(o, t.number)).status).toBe('open')
  })

  it('keeps one live recurring job per sweep however many workers start', async () => {
    const o = await makeOrg()
    const queue = `test.sweep.${o.org.id}`
    await Promise.all([ensureRecurring(o.db, queue), ensureRecurring(o.db, queue), ensureRecurring(o.db, queue)])
    const rows = await o.db.select().from(jobs).where(eq(jobs.queue, queue))
    expect(rows).toHaveLength(1)
    await o.db.delete(jobs).where(eq(jobs.queue, queue))
  })
})
