import { sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { addComment } from '@/lib/comments'
import { registerAllHandlers } from '@/lib/jobs/handlers'
import { drainJobs } from '@/lib/jobs/runner'
import { listAuditEvents } from '@/lib/audit'
import { createTicket, listTickets } from '@/lib/tickets'
import { getSearchSettings, setSearchLanguage } from '@/lib/search'
import { makeOrg, uid } from '@/test/factory'

const numbers = async (ctx: Parameters<typeof listTickets>[0], q: string) => (await listTickets(ctx, { q, sort: 'number' })).rows.map((r) => r.number).sort((a, b) => a - b)

describe('search language per organisation', () => {
  beforeAll(() => registerAllHandlers())

  it('stems in the org language once set, keeps exact words and stop words, and re-indexes existing rows', async () => {
    const o = await makeOrg()
    const other = await makeOrg()
    const tag = uid()
    const old = await createTicket(o.requester, { title: `Second monitor flickers ${tag}`, description: 'The screens are flickering since Monday' })
    await addComment(o.agent, { number: old.number, body: 'Replaced the cables; still flickering' })
    const elsewhere = await createTicket(other.requester, { title: `Monitor flickers ${tag}`, description: 'x' })
    // 'simple': exact words only.
    expect(await numbers(o.agent, `flicker ${tag}`)).toEqual([])
    expect(await numbers(o.agent, `flickers ${tag}`)).toEqual([old.number])

    expect(await setSearchLanguage(o.admin, { language: 'english' })).toEqual({ changed: true })
    let agent = await o.reload(o.agent)
    expect((await getSearchSettings(await o.reload(o.admin))).reindexing).toBe(true)
    // Before the re-index runs, the old rows still match by their exact words.
    expect(await numbers(agent, `flickers ${tag}`)).toEqual([old.number])
    await drainJobs(o.db, { organizationId: o.org.id })
    agent = await o.reload(o.agent)
    expect((await getSearchSettings(await o.reload(o.admin))).reindexing).toBe(false)
    const configs = await o.db.execute(sql`select search_config::text as cfg from comments where organization_id = ${o.org.id}
      union all select search_config::text from tickets where organization_id = ${o.org.id}`)
    const rows = (Array.isArray(configs) ? configs : (configs as unknown as { rows: unknown[] }).rows) as { cfg: string }[]
    expect(rows.length).toBeGreaterThan(1)
    expect(rows.every((r) => r.cfg === 'english')).toBe(true)
    // Stemmed: another form of the word finds the ticket, in the title, description and reply.
    expect(await numbers(agent, `flicker ${tag}`)).toEqual([old.number])
    expect(await numbers(agent, `cable ${tag}`)).toEqual([old.number])
    expect(await numbers(agent, `"screens are flickering" ${tag}`)).toEqual([old.number])
    // A stop word is still a word: "the" matches exactly rather than emptying the query.
    expect(await numbers(agent, `the ${tag}`)).toEqual([old.number])
    // New rows take the language at once.
    const fresh = await createTicket(o.requester, { title: `Keyboards typing twice ${tag}`, description: 'x' })
    expect(await numbers(agent, `keyboard ${tag}`)).toEqual([fresh.number])
    // The other org is untouched: still exact words.
    const otherAgent = await other.reload(other.agent)
    expect(await numbers(otherAgent, `flicker ${tag}`)).toEqual([])
    expect(await numbers(otherAgent, `flickers ${tag}`)).toEqual([elsewhere.number])
    const events = await listAuditEvents(await o.reload(o.admin), { action: 'search_language.changed' })
    expect(JSON.stringify(events)).toContain('english')
  })

  it('only an admin sets it, and only to a listed language', async () => {
    const o = await makeOrg()
    await expect(setSearchLanguage(o.agent, { language: 'english' })).rejects.toThrow()
    await expect(setSearchLanguage(o.admin, { language: 'klingon' })).rejects.toThrow()
    await expect(setSearchLanguage(o.admin, { language: "english'::regconfig); drop table tickets; --" })).rejects.toThrow()
    expect(await setSearchLanguage(o.admin, { language: 'simple' })).toEqual({ changed: false })
  })
})

describe('relevance', () => {
  it('sorts matches in the title before matches in the description, by default while searching, with a keyset that walks every match once', async () => {
    const o = await makeOrg()
    const word = `rv${uid()}`
    const inDescription = await createTicket(o.requester, { title: 'Something else', description: `Mentions ${word} once in a long description of the problem` })
    const inTitle = await createTicket(o.requester, { title: `${word} broken`, description: 'x' })
    const both = await createTicket(o.requester, { title: `${word} again`, description: `${word} ${word}` })
    const noted = await createTicket(o.requester, { title: 'Unrelated', description: 'y' })
    await addComment(o.agent, { number: noted.number, body: `seen ${word}` })
    const page = await listTickets(o.agent, { q: word })
    expect(page.query.sort).toBe('relevance')
    const order = page.rows.map((r) => r.number)
    expect(order.slice(0, 2).sort()).toEqual([both.number, inTitle.number].sort())
    expect(order.indexOf(inDescription.number)).toBe(2)
    expect(order.at(-1)).toBe(noted.number)
    // Past one page the keyset (rank, number) walks every match exactly once, ties included.
    for (let i = 0; i < 26; i++) await createTicket(o.requester, { title: `${word} case ${i % 3 ? 'again' : ''}`, description: `z ${'y '.repeat(i % 4)}` })
    const walked: number[] = []
    let after: string | undefined
    for (let i = 0; i < 5; i++) {
      const p = await listTickets(o.agent, { q: word, ...(after ? { after } : {}) })
      walked.push(...p.rows.map((r) => r.number))
      if (!p.next) break
      after = p.next
    }
    expect(walked.length).toBe(30)
    expect(new Set(walked).size).toBe(30)
    expect(walked.slice(0, 25)).toEqual((await listTickets(o.agent, { q: word })).rows.map((r) => r.number))
    // Past the window (1,000 in production; 5 here) relevance ranks the newest matches and says so.
    const windowed = await listTickets(o.agent, { q: word }, { relevanceWindow: 5 })
    expect(windowed.relevanceWindow).toBe(5)
    const newest = (await listTickets(o.agent, { q: word, sort: 'number' })).rows.slice(0, 5).map((r) => r.number)
    expect(windowed.rows.map((r) => r.number).sort()).toEqual([...newest].sort())
    expect(windowed.next).toBeNull()
    expect((await listTickets(o.agent, { q: word }, { relevanceWindow: 100 })).relevanceWindow).toBeNull()
    // Without words there is nothing to rank by: the default sort applies.
    expect((await listTickets(o.agent, { q: 'priority:high', sort: 'relevance' })).query.sort).toBe('due')
  })
})
