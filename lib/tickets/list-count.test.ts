import { describe, expect, it } from 'vitest'
import { makeOrg } from '@/test/factory'
import { manyTickets } from '@/test/many-tickets'
import { clear } from '@/test/tickets'
import { COUNT_CAP, countTickets, listTicketsWithCount } from './list-tickets'

// The list page's total comes from the relevance search's own count when it made one; it
// must be the very number countTickets gives, below the cap and past it, and respect
// visibility like the count does.
describe('listTicketsWithCount', () => {
  it('a relevance search reuses its count: the same total as countTickets, exact under the cap and capped past it', async () => {
    const o = await makeOrg()
    await manyTickets(o, COUNT_CAP + 40, (i) => ({
      title: i % 2 === 0 ? `Printer jams on floor ${i}` : `Monitor flickers ${i}`,
      // A few sensitive printer tickets: an uncleared agent's count leaves them out.
      sensitive: i % 2 === 0 && i % 50 === 0,
    }))
    const [cleared] = await clear(o, o.agent2)
    for (const [ctx, q] of [[o.agent, 'printer'], [o.agent, 'monitor'], [cleared, 'printer'], [o.agent, 'floor jams'], [o.agent, 'xylophone'], [o.agent, 'seeded']] as const) {
      const { page, total } = await listTicketsWithCount(ctx, { q })
      expect(page.query.sort).toBe('relevance')
      expect(total, `${q}`).toBe(await countTickets(ctx, { q }))
    }
    // 520 printer tickets, 21 of them sensitive; every ticket's description says "Seeded".
    expect((await listTicketsWithCount(o.agent, { q: 'printer' })).total).toBe(499)
    expect((await listTicketsWithCount(cleared, { q: 'printer' })).total).toBe(520)
    const past = await listTicketsWithCount(o.agent, { q: 'seeded' })
    expect(past.page.relevanceWindow).toBe(COUNT_CAP)
    expect(past.total).toBe(COUNT_CAP + 1)
    // A list without words counts on its own, side by side.
    const plain = await listTicketsWithCount(o.agent, { status: 'new' })
    expect(plain.page.query.sort).toBe('due')
    expect(plain.total).toBe(COUNT_CAP + 1)
  }, 120_000)
})
