import { describe, expect, it, vi } from 'vitest'
import { and, eq, inArray } from 'drizzle-orm'
import { tickets } from '@/db/schema'
import { makeOrg } from '@/test/factory'
import { auditCount } from '@/test/tickets'
import { manyTickets } from '@/test/many-tickets'
import { bulkUpdate } from './bulk'

// The summary audit event is written after the loop over the tickets: making it fail
// stands in for any failure after the per-ticket work (the database going away, a bug).
const fail = vi.hoisted(() => ({ on: null as string | null, after: 0 }))
vi.mock('@/lib/audit/record', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/lib/audit/record')>()
  return {
    ...real,
    recordAudit: async (...args: Parameters<typeof real.recordAudit>) => {
      if (fail.on && args[2].action === fail.on && fail.after-- <= 0) throw new Error('audit store unavailable')
      return real.recordAudit(...args)
    },
  }
})

describe('bulkUpdate is one transaction', () => {
  it('an unexpected failure after every ticket was changed rolls all of them back', async () => {
    const o = await makeOrg()
    const rows = await manyTickets(o, 30)
    const events = await auditCount(o, 'ticket.updated')
    fail.on = 'ticket.bulk_updated'
    fail.after = 0
    try {
      await expect(bulkUpdate(o.agent, { selection: { by: 'ids', ids: rows.map((r) => r.id) }, action: { type: 'priority', priority: 'urgent' } }))
        .rejects.toThrow('audit store unavailable')
    } finally {
      fail.on = null
    }
    const after = await o.db.select({ priority: tickets.priority }).from(tickets)
      .where(and(eq(tickets.organizationId, o.org.id), inArray(tickets.id, rows.map((r) => r.id))))
    expect(after.every((r) => r.priority === 'normal')).toBe(true)
    expect(await auditCount(o, 'ticket.updated')).toBe(events)
    // And with nothing failing, the same action goes through.
    expect((await bulkUpdate(o.agent, { selection: { by: 'ids', ids: rows.map((r) => r.id) }, action: { type: 'priority', priority: 'urgent' } })).applied).toBe(30)
  })

  it('an unexpected failure on one ticket is not a refusal: the whole action stops and nothing stays applied', async () => {
    const o = await makeOrg()
    const rows = await manyTickets(o, 10)
    // The sixth ticket's audit write fails with a non-domain error, after five were tagged.
    fail.on = 'ticket.updated'
    fail.after = 5
    try {
      await expect(bulkUpdate(o.agent, { selection: { by: 'ids', ids: rows.map((r) => r.id) }, action: { type: 'add_tag', tag: 'x' } })).rejects.toThrow('audit store unavailable')
    } finally {
      fail.on = null
    }
    const after = await o.db.select({ tags: tickets.tags }).from(tickets).where(and(eq(tickets.organizationId, o.org.id), inArray(tickets.id, rows.map((r) => r.id))))
    expect(after.every((r) => r.tags.length === 0)).toBe(true)
  })
})
