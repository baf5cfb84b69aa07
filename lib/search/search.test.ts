import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { addComment } from '@/lib/comments/add-comment'
import { createTicket } from '@/lib/tickets/create-ticket'
import { countTickets, listTickets } from '@/lib/tickets/list-tickets'
import { changeStatus } from '@/lib/tickets/change-status'
import { category, makeOrg, uid } from '@/test/factory'
import { clear, ticketIn } from '@/test/tickets'

const numbers = async (ctx: Parameters<typeof listTickets>[0], q: string) => (await listTickets(ctx, { q, sort: 'number' })).rows.map((r) => r.number).sort((a, b) => a - b)

describe('full-text search', () => {
  it('finds words in any order, across title, description and the visible conversation, accent- and case-blind', async () => {
    const o = await makeOrg()
    const tag = uid()
    const a = await createTicket(o.requester, { title: `Monitor flickers ${tag}`, description: 'Since the dock was replaced', categoryId: category(o, 'General') })
    const b = await createTicket(o.requester, { title: `Printer ${tag}`, description: 'Le café a coulé dans l\'imprimante' })
    const c = await createTicket(o.requester, { title: `Laptop ${tag}`, description: 'Battery swells' })
    await addComment(o.agent, { number: c.number, body: 'Ordered a replacement battery from Lenovo' })
    expect(await numbers(o.agent, `flickers monitor ${tag}`)).toEqual([a.number])
    expect(await numbers(o.agent, `MONITOR ${tag}`)).toEqual([a.number])
    expect(await numbers(o.agent, `dock ${tag}`)).toEqual([a.number])
    expect(await numbers(o.agent, `cafe coule ${tag}`)).toEqual([b.number])
    expect(await numbers(o.agent, `CAFÉ ${tag}`)).toEqual([b.number])
    // One word in the title, the other in a reply.
    expect(await numbers(o.agent, `laptop lenovo`)).toEqual([c.number])
    expect(await numbers(o.agent, `"replacement battery" ${tag}`)).toEqual([c.number])
    expect(await numbers(o.agent, `"battery replacement" ${tag}`)).toEqual([])
    expect(await numbers(o.agent, `${tag} -lenovo`)).toEqual([a.number, b.number])
    expect(await numbers(o.agent, `#${b.number} printer`)).toEqual([b.number])
    expect(await numbers(o.agent, `${o.requester.user.email} ${tag} monitor`)).toEqual([a.number])
    const page = await listTickets(o.agent, { q: "lenovo" })
    expect(page.rows[0]!.snippet?.where).toBe('reply')
    expect(page.rows[0]!.snippet?.text).toContain('\u0002Lenovo\u0003')
    expect((await listTickets(o.agent, { q: `monitor ${tag}` })).rows[0]!.snippet?.where).toBe('title')
  })

  it('an internal note is searchable by staff only; a requester searches only their own tickets and public replies', async () => {
    const o = await makeOrg()
    const word = `zq${uid()}`
    const t = await ticketIn(o, 'open')
    await addComment(o.agent, { number: t.number, body: `Password reset via ${word} console`, internal: true })
    expect(await numbers(o.agent, word)).toEqual([t.number])
    expect((await listTickets(o.agent, { q: word })).rows[0]!.snippet?.where).toBe('note')
    expect(await numbers(o.requester, word)).toEqual([])
    expect(await countTickets(o.requester, { q: word })).toBe(0)
    // Another requester's ticket never matches for them, even by its own words.
    const other = await createTicket(o.requester2, { title: `Other ${word}2`, description: 'x' })
    expect(await numbers(o.requester, `${word}2`)).toEqual([])
    expect(await numbers(o.requester2, `${word}2`)).toEqual([other.number])
  })

  it('a sensitive ticket never matches for an uncleared agent, nor does another organisation\'s ticket', async () => {
    const o = await makeOrg()
    const other = await makeOrg()
    const word = `sx${uid()}`
    const [cleared] = await clear(o, o.agent2)
    const s = await createTicket(o.requester, { title: `HR case ${word}`, description: 'confidential', categoryId: category(o, 'Sensitive') })
    await createTicket(other.requester, { title: `Elsewhere ${word}`, description: 'x' })
    expect(await numbers(o.agent, word)).toEqual([])
    expect(await countTickets(o.agent, { q: word })).toBe(0)
    expect(await numbers(cleared, word)).toEqual([s.number])
    expect(await numbers(o.admin, word)).toEqual([s.number])
  })

  it('filter tokens narrow the list, and bad tokens come back as messages while the rest applies', async () => {
    const o = await makeOrg()
    const word = `fx${uid()}`
    const open = await ticketIn(o, 'open')
    const t1 = await createTicket(o.requester, { title: `Urgent ${word}`, description: 'x', priority: 'urgent' })
    const t2 = await createTicket(o.requester, { title: `Low ${word}`, description: 'x', priority: 'low' })
    await changeStatus(o.admin, { number: t2.number, to: 'cancelled', note: 'dup' })
    expect(await numbers(o.agent, `${word} priority:urgent`)).toEqual([t1.number])
    expect(await numbers(o.agent, `${word} status:cancelled`)).toEqual([t2.number])
    expect(await numbers(o.agent, `${word} is:open`)).toEqual([t1.number])
    expect(await numbers(o.agent, `${word} created>2000-01-01 updated<1d`)).toEqual([t1.number, t2.number])
    expect(await numbers(o.agent, `${word} created<2000-01-01`)).toEqual([])
    expect((await numbers(o.agent, 'assignee:me is:open')).includes(open.number)).toBe(true)
    const bad = await listTickets(o.agent, { q: `${word} priority:urgent status:opne` })
    expect(bad.search?.errors.map((e) => e.token)).toEqual(['status:opne'])
    expect(bad.rows.map((r) => r.number)).toEqual([t1.number])
  })

  it('the ticket keeps its conversation\'s words in step with its comments: a reply made internal, edited or deleted', async () => {
    const o = await makeOrg()
    const w1 = `cv${uid()}`
    const w2 = `cv${uid()}`
    const t = await ticketIn(o, 'open')
    await addComment(o.agent, { number: t.number, body: `Public answer ${w1}` })
    expect(await numbers(o.requester, w1)).toEqual([t.number])
    // Storage-level changes (a later moderation or merge feature) go through the same triggers.
    await o.db.execute(sql`update comments set internal = true where organization_id = ${o.org.id} and body like ${`%${w1}%`}`)
    expect(await numbers(o.requester, w1)).toEqual([])
    expect(await numbers(o.agent, w1)).toEqual([t.number])
    await o.db.execute(sql`update comments set body = ${`Edited ${w2}`} where organization_id = ${o.org.id} and body like ${`%${w1}%`}`)
    expect(await numbers(o.agent, w1)).toEqual([])
    expect(await numbers(o.agent, w2)).toEqual([t.number])
    await o.db.execute(sql`delete from comments where organization_id = ${o.org.id} and body like ${`%${w2}%`}`)
    expect(await numbers(o.agent, w2)).toEqual([])
  })
})
