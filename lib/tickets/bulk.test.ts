import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { and, count, eq, inArray } from 'drizzle-orm'
import { assignmentHistory, auditEvents, tickets } from '@/db/schema'
import { ForbiddenError, ValidationError } from '@/lib/errors'
import { makeOrg, type TestOrg } from '@/test/factory'
import { auditCount, clear, rowOf, ticketIn } from '@/test/tickets'
import { manyTickets } from '@/test/many-tickets'
import { bulkUpdate } from './bulk'
import { BULK_CAP, capMessage } from './bulk-schemas'
import { withTx } from '@/lib/db/tx'

const ids = (rows: { id: string }[]) => ({ by: 'ids' as const, ids: rows.map((r) => r.id) })

async function priorities(o: TestOrg, idList: string[]) {
  const rows = await o.db.select({ id: tickets.id, priority: tickets.priority }).from(tickets)
    .where(and(eq(tickets.organizationId, o.org.id), inArray(tickets.id, idList)))
  return new Map(rows.map((r) => [r.id, r.priority]))
}

describe('bulkUpdate', () => {
  it('sets the priority of 500 tickets in one action: every one applied and audited on its own', async () => {
    const o = await makeOrg()
    const rows = await manyTickets(o, 500)
    const before = await auditCount(o, 'ticket.updated')
    const result = await bulkUpdate(o.agent, { selection: ids(rows), action: { type: 'priority', priority: 'urgent' } })
    expect(result).toMatchObject({ applied: 500, refused: 0, action: 'Set priority to Urgent' })
    expect(result.rows.every((r) => r.ok)).toBe(true)
    expect([...(await priorities(o, rows.map((r) => r.id))).values()].every((p) => p === 'urgent')).toBe(true)
    expect(await auditCount(o, 'ticket.updated') - before).toBe(500)
    // Each ticket's own event names the change, as a single edit would.
    const [one] = await o.db.select().from(auditEvents).where(and(eq(auditEvents.organizationId, o.org.id), eq(auditEvents.entityId, rows[123].id)))
    expect(one.changes).toEqual({ priority: ['normal', 'urgent'] })
    expect(await auditCount(o, 'ticket.bulk_updated')).toBe(1)
  }, 180_000)

  it('a ticket the workflow refuses is reported with its reason and does not stop the others', async () => {
    const o = await makeOrg()
    const a = await ticketIn(o, 'new')
    const closed = await ticketIn(o, 'closed')
    const b = await ticketIn(o, 'new')
    const progress: [number, number][] = []
    const result = await bulkUpdate(o.agent, { selection: ids([a, closed, b]), action: { type: 'status', to: 'open' } }, { onProgress: (d, t) => progress.push([d, t]) })
    expect(result).toMatchObject({ applied: 2, refused: 1 })
    // Progress counts every ticket, refused ones too, from 0 to the whole selection.
    expect(progress).toEqual([[0, 3], [1, 3], [2, 3], [3, 3]])
    const refused = result.rows.find((r) => !r.ok)!
    expect(refused).toMatchObject({ id: closed.id, number: closed.number, ok: false })
    expect(!refused.ok && refused.reason).toBe('You cannot move a ticket from Closed to Open. Allowed from Closed: none.')
    expect((await rowOf(o, a.number)).status).toBe('open')
    expect((await rowOf(o, b.number)).status).toBe('open')
    // The refused one is untouched: its savepoint rolled back, nothing half-written.
    expect((await rowOf(o, closed.number)).status).toBe('closed')
  })

  it('a rule that needs more input (a resolution note) refuses each ticket with the rule\'s message', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'in_progress')
    const result = await bulkUpdate(o.admin, { selection: ids([t]), action: { type: 'status', to: 'resolved' } })
    expect(result.rows[0]).toMatchObject({ ok: false, reason: 'A resolution note is required' })
    const noted = await bulkUpdate(o.admin, { selection: ids([t]), action: { type: 'status', to: 'resolved', note: 'Replaced the cable' } })
    expect(noted.applied).toBe(1)
  })

  it('another org\'s ticket, a sensitive one (for an uncleared agent), a deleted one and a made-up id are all just "not found"', async () => {
    const o = await makeOrg()
    const other = await makeOrg()
    const [cleared] = await clear(o, o.agent2)
    const mine = await ticketIn(o, 'new')
    const foreign = await ticketIn(other, 'new')
    const secret = await ticketIn(o, 'open', { sensitive: true, assignee: cleared })
    const gone = await ticketIn(o, 'new')
    await bulkUpdate(o.admin, { selection: ids([gone]), action: { type: 'delete' } })
    const madeUp = randomUUID()
    const result = await bulkUpdate(o.agent, {
      selection: { by: 'ids', ids: [foreign.id, secret.id, mine.id, gone.id, madeUp] }, action: { type: 'priority', priority: 'high' },
    })
    expect(result).toMatchObject({ applied: 1, refused: 4 })
    const hidden = result.rows.filter((r) => !r.ok)
    // Alike in every field but the id the caller sent: nothing tells which exists.
    expect(hidden.map((r) => ({ ...r, id: 'sent' }))).toEqual(Array(4).fill({ id: 'sent', number: null, title: null, ok: false, reason: 'Not found' }))
    expect(hidden.map((r) => r.id).sort()).toEqual([foreign.id, secret.id, gone.id, madeUp].sort())
    expect((await rowOf(other, foreign.number)).priority).toBe('normal')
    expect((await rowOf(o, secret.number)).priority).toBe('normal')
    // A cleared agent may change the sensitive one.
    expect((await bulkUpdate(cleared, { selection: ids([secret]), action: { type: 'priority', priority: 'high' } })).applied).toBe(1)
  })

  it('"all matching" resolves the list\'s filters on the server, within what the caller may see', async () => {
    const o = await makeOrg()
    const [cleared] = await clear(o, o.agent2)
    const plain = await manyTickets(o, 5, () => ({ priority: 'low' }))
    await manyTickets(o, 3, () => ({ priority: 'high' }))
    const secret = await ticketIn(o, 'new', { sensitive: true })
    await o.db.update(tickets).set({ priority: 'low' }).where(and(eq(tickets.organizationId, o.org.id), eq(tickets.id, secret.id)))
    const result = await bulkUpdate(o.agent, { selection: { by: 'query', query: { priority: 'low' } }, action: { type: 'add_tag', tag: 'Outage' } })
    expect(result.applied).toBe(5)
    expect(result.rows.map((r) => r.id).sort()).toEqual(plain.map((t) => t.id).sort())
    expect((await rowOf(o, plain[0].number)).tags).toEqual(['outage'])
    expect((await rowOf(o, secret.number)).tags).toEqual([])
    // The cleared agent's "all matching" does include it.
    expect((await bulkUpdate(cleared, { selection: { by: 'query', query: { priority: 'low' } }, action: { type: 'remove_tag', tag: 'outage' } })).applied).toBe(6)
    expect((await rowOf(o, plain[0].number)).tags).toEqual([])
  })

  it('refuses a selection over the cap, whether forged as ids or matched by filters, and changes nothing', async () => {
    const o = await makeOrg()
    const rows = await manyTickets(o, BULK_CAP + 1)
    const forged = bulkUpdate(o.admin, { selection: ids(rows), action: { type: 'priority', priority: 'low' } })
    await expect(forged).rejects.toThrow(ValidationError)
    await expect(forged).rejects.toThrow(capMessage)
    const matched = bulkUpdate(o.admin, { selection: { by: 'query', query: {} }, action: { type: 'priority', priority: 'low' } })
    await expect(matched).rejects.toThrow(capMessage)
    const [{ n }] = await o.db.select({ n: count() }).from(tickets).where(and(eq(tickets.organizationId, o.org.id), eq(tickets.priority, 'low')))
    expect(n).toBe(0)
    // Exactly the cap goes through.
    expect((await bulkUpdate(o.admin, { selection: ids(rows.slice(1)), action: { type: 'add_tag', tag: 'x' } })).applied).toBe(BULK_CAP)
  }, 180_000)

  it('staff only; delete only for admins, checked before any ticket is touched', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'new')
    await expect(bulkUpdate(o.requester, { selection: ids([t]), action: { type: 'priority', priority: 'high' } })).rejects.toThrow(ForbiddenError)
    await expect(bulkUpdate(o.agent, { selection: ids([t]), action: { type: 'delete' } })).rejects.toThrow('Only an admin can delete tickets')
    expect((await rowOf(o, t.number)).deletedAt).toBeNull()
    const done = await bulkUpdate(o.admin, { selection: ids([t]), action: { type: 'delete' } })
    expect(done.applied).toBe(1)
    expect((await rowOf(o, t.number)).deletedAt).not.toBeNull()
    expect(await auditCount(o, 'ticket.deleted', t.id)).toBe(1)
  })

  it('refuses bad input with a clear message: no action, an unknown status, an empty selection', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'new')
    await expect(bulkUpdate(o.agent, { selection: ids([t]), action: { type: 'explode' } } as never)).rejects.toThrow('Choose an action')
    await expect(bulkUpdate(o.agent, { selection: ids([t]), action: { type: 'status', to: 'gone' } } as never)).rejects.toThrow('Choose a status')
    await expect(bulkUpdate(o.agent, { selection: { by: 'ids', ids: [] }, action: { type: 'close' } })).rejects.toThrow('Select at least one ticket')
    await expect(bulkUpdate(o.agent, { selection: ids([t]), action: { type: 'add_tag', tag: 'two words' } })).rejects.toThrow('A tag is one word')
  })

  it('assigns through assignTicket: the history row and the first assignment opening the ticket, per ticket', async () => {
    const o = await makeOrg()
    const a = await ticketIn(o, 'new')
    const b = await ticketIn(o, 'new')
    const result = await bulkUpdate(o.agent, { selection: ids([a, b]), action: { type: 'assign', assigneeId: o.agent2.user.id } })
    expect(result.applied).toBe(2)
    for (const t of [a, b]) {
      expect(await rowOf(o, t.number)).toMatchObject({ assigneeId: o.agent2.user.id, status: 'open' })
      const [{ n }] = await o.db.select({ n: count() }).from(assignmentHistory).where(and(eq(assignmentHistory.organizationId, o.org.id), eq(assignmentHistory.ticketId, t.id)))
      expect(n).toBe(1)
    }
    // Moving them on from agent2 is a transfer: without a reason each is refused, with the rule's message.
    const transfer = await bulkUpdate(o.agent, { selection: ids([a, b]), action: { type: 'assign', assigneeId: o.admin.user.id } })
    expect(transfer.rows.map((r) => !r.ok && r.reason)).toEqual(['Reason required', 'Reason required'])
  })

  it('joins the caller\'s transaction: when it fails after the loop, nothing is applied', async () => {
    const o = await makeOrg()
    const rows = await manyTickets(o, 20)
    const events = await auditCount(o, 'ticket.updated')
    await expect(withTx(o.agent, async (_tx, ctx) => {
      const r = await bulkUpdate(ctx, { selection: ids(rows), action: { type: 'priority', priority: 'high' } })
      expect(r.applied).toBe(20)
      throw new Error('the caller fails afterwards')
    })).rejects.toThrow('the caller fails afterwards')
    expect([...(await priorities(o, rows.map((r) => r.id))).values()].every((p) => p === 'normal')).toBe(true)
    expect(await auditCount(o, 'ticket.updated')).toBe(events)
  })
})
