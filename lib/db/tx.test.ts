import { describe, expect, it } from 'vitest'
import { and, count, eq } from 'drizzle-orm'
import { auditEvents, tickets } from '@/db/schema'
import { ValidationError } from '@/lib/errors'
import { addComment } from '@/lib/comments/add-comment'
import { changeStatus } from '@/lib/tickets/change-status'
import { createTicket } from '@/lib/tickets/create-ticket'
import { listTickets } from '@/lib/tickets/list-tickets'
import { makeOrg, type TestOrg } from '@/test/factory'
import { withTx } from './tx'

const ticketCount = async (o: TestOrg) =>
  (await o.db.select({ n: count() }).from(tickets).where(eq(tickets.organizationId, o.org.id)))[0].n
const auditTotal = async (o: TestOrg) =>
  (await o.db.select({ n: count() }).from(auditEvents).where(and(eq(auditEvents.organizationId, o.org.id))))[0].n

describe('withTx: several verbs as one unit', () => {
  it('verbs called with the ctx it hands back commit together', async () => {
    const o = await makeOrg()
    const t = await withTx(o.agent, async (_tx, ctx) => {
      const created = await createTicket(ctx, { title: 'Phone call', description: 'Caller says the VPN drops', priority: 'normal' })
      await addComment(ctx, { number: created.number, body: 'Called back, investigating' })
      // The verbs' reads see the transaction's own writes (and, on PGlite, do not wait on it).
      expect((await listTickets(ctx, {})).rows.map((r) => r.number)).toContain(created.number)
      return created
    })
    expect((await listTickets(o.agent, {})).rows.map((r) => r.number)).toContain(t.number)
  })

  it('a failure in a later verb rolls back the earlier ones: no ticket, no audit event, no number used', async () => {
    const o = await makeOrg()
    const before = { tickets: await ticketCount(o), audit: await auditTotal(o) }
    await expect(withTx(o.agent, async (_tx, ctx) => {
      const created = await createTicket(ctx, { title: 'Half done', description: 'Should vanish', priority: 'low' })
      // new -> resolved is not an allowed move: the whole unit fails.
      await changeStatus(ctx, { number: created.number, to: 'resolved', note: 'x' })
    })).rejects.toThrow()
    expect(await ticketCount(o)).toBe(before.tickets)
    expect(await auditTotal(o)).toBe(before.audit)
    const next = await createTicket(o.agent, { title: 'After', description: 'Gets the number back', priority: 'low' })
    expect(next.number).toBe(1)
  })

  it('a verb called on its own still opens and commits its own transaction', async () => {
    const o = await makeOrg()
    await expect(withTx(o.requester, () => Promise.reject(new ValidationError('nope')))).rejects.toBeInstanceOf(ValidationError)
    const t = await createTicket(o.requester, { title: 'Alone', description: 'Own transaction', priority: 'normal' })
    expect(t.number).toBe(1)
  })
})
