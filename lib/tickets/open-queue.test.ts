import { describe, expect, it } from 'vitest'
import { ForbiddenError } from '@/lib/errors'
import { makeOrg } from '@/test/factory'
import { ticketIn } from '@/test/tickets'
import { countTickets, listTickets } from './list-tickets'
import { queueCounts } from './queues'

// Issue 18: "All" held closed and cancelled tickets; "All open" holds unsolved ones only, and
// the unfiltered list is labelled as including closed.
describe('the All open queue', () => {
  it('holds every unsolved ticket the viewer may see, none closed, cancelled, resolved or hidden; its count agrees', async () => {
    const o = await makeOrg()
    const open = [await ticketIn(o, 'new'), await ticketIn(o, 'in_progress'), await ticketIn(o, 'pending')]
    const done = [await ticketIn(o, 'closed'), await ticketIn(o, 'cancelled'), await ticketIn(o, 'resolved')]
    await ticketIn(o, 'new', { sensitive: true })
    const numbers = async (q: object) => (await listTickets(o.agent2, { ...q, sort: 'number', dir: 'asc' })).rows.map((r) => r.number)
    expect(await numbers({ queue: 'open' })).toEqual(open.map((t) => t.number))
    expect(await numbers({})).toEqual(expect.arrayContaining(done.map((t) => t.number)))
    const counts = await queueCounts(o.agent2)
    expect(counts.open).toBe(3)
    expect(await countTickets(o.agent2, { queue: 'open' })).toBe(3)
    // An admin sees the sensitive one in it too.
    expect((await queueCounts(o.admin)).open).toBe(4)
    await expect(queueCounts(o.requester)).rejects.toBeInstanceOf(ForbiddenError)
  })
})
