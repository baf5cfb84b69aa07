import { describe, expect, it } from 'vitest'
import { and, desc, eq, sql } from 'drizzle-orm'
import { ZodError } from 'zod'
import { auditEvents, ticketTagCounts } from '@/db/schema'
import { getDb } from '@/db/client'
import { ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors'
import { withTx } from '@/lib/db/tx'
import { category, makeOrg, type TestOrg } from '@/test/factory'
import { auditCount, clear, fieldErrorsOf, rowOf, ticketIn } from '@/test/tickets'
import { deleteTicket, restoreTicket } from './delete-ticket'
import { getTicketDetail } from './get-ticket'
import { listTickets } from './list-tickets'
import { listOrgTags, setTicketTags } from './tags'
import { updateTicket } from './update-ticket'

// Issue 14: tags on tickets — normalised, at most 20, staff only, audited, and suggested
// only from tickets the person may see.

const tagsOf = async (o: TestOrg, number: number) => (await rowOf(o, number)).tags

describe('tagging a ticket', () => {
  it('normalises tags: trimmed, lower-case, each once, in the order added', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'open')
    await setTicketTags(o.agent, { number: t.number, add: ['  VPN ', 'Wi-Fi', 'vpn', 'site_3.b'] })
    expect(await tagsOf(o, t.number)).toEqual(['vpn', 'wi-fi', 'site_3.b'])
    await setTicketTags(o.agent, { number: t.number, add: ['printer'], remove: ['WI-FI'] })
    expect(await tagsOf(o, t.number)).toEqual(['vpn', 'site_3.b', 'printer'])
    // The API's replacement: the given list, normalised.
    await setTicketTags(o.agent, { number: t.number, set: ['Urgent-Fix', 'vpn'] })
    expect(await tagsOf(o, t.number)).toEqual(['urgent-fix', 'vpn'])
  })

  it('refuses a malformed tag with a clear message and changes nothing', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'open')
    for (const [bad, message] of [
      ['two words', 'A tag may use only letters a–z, digits and - _ . (no spaces)'],
      ['café', 'A tag may use only letters a–z, digits and - _ . (no spaces)'],
      ['tag:vpn', 'A tag may use only letters a–z, digits and - _ . (no spaces)'],
      ['   ', 'Enter a tag'],
      ['x'.repeat(41), 'Keep a tag to 40 characters'],
    ] as const) {
      const err = await setTicketTags(o.agent, { number: t.number, add: ['ok', bad] }).catch((e: unknown) => e)
      expect(err).toBeInstanceOf(ZodError)
      expect((err as ZodError).issues.map((i) => i.message)).toEqual([message])
    }
    // 40 characters is fine.
    await setTicketTags(o.agent, { number: t.number, add: ['x'.repeat(40)] })
    expect(await tagsOf(o, t.number)).toEqual(['x'.repeat(40)])
  })

  it('refuses a 21st tag rather than cutting any, and says so beside the field', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'open')
    const twenty = Array.from({ length: 20 }, (_, i) => `t${i}`)
    await setTicketTags(o.agent, { number: t.number, add: twenty })
    const err = await setTicketTags(o.agent, { number: t.number, add: ['one-more'] }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ValidationError)
    expect((err as ValidationError).fieldErrors?.tags?.[0]).toMatch(/would have 21 tags; the most is 20/)
    expect(await tagsOf(o, t.number)).toEqual(twenty)
    // Swapping one for another stays within the limit.
    await setTicketTags(o.agent, { number: t.number, add: ['one-more'], remove: ['t0'] })
    expect(await tagsOf(o, t.number)).toEqual([...twenty.slice(1), 'one-more'])
    // More than 20 in one request is refused by the schema.
    expect((await fieldErrorsOf(setTicketTags(o.agent, { number: t.number, set: [...twenty, 'x'] }))).set).toEqual(['A ticket can have at most 20 tags'])
  })

  it('records old → new in the audit log and bumps updated_at; no change, no event', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'open')
    const before = (await rowOf(o, t.number)).updatedAt
    await setTicketTags(o.agent, { number: t.number, add: ['vpn'] })
    await setTicketTags(o.agent, { number: t.number, add: ['wifi'], remove: ['vpn'] })
    await setTicketTags(o.agent, { number: t.number, add: ['wifi'] }) // already there
    const events = await o.db.select().from(auditEvents)
      .where(and(eq(auditEvents.organizationId, o.org.id), eq(auditEvents.entityId, t.id), eq(auditEvents.action, 'ticket.tags_changed')))
      .orderBy(desc(auditEvents.seq))
    expect(events.map((e) => e.changes)).toEqual([{ tags: [['vpn'], ['wifi']] }, { tags: [[], ['vpn']] }])
    expect(events[0]).toMatchObject({ actorId: o.agent.user.id, actorRole: 'agent' })
    expect((await rowOf(o, t.number)).updatedAt.getTime()).toBeGreaterThan(before.getTime())
  })

  it('the staff timeline tells the story; the requester’s shows none of it', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'open')
    await setTicketTags(o.agent, { number: t.number, add: ['vpn', 'wifi'] })
    await setTicketTags(o.agent, { number: t.number, add: ['lan'], remove: ['vpn', 'wifi'] })
    const staff = (await getTicketDetail(o.agent, t.number)).timeline.filter((e) => e.kind === 'edit').map((e) => `${e.actor} ${e.text}`)
    expect(staff).toEqual([`${o.agent.user.name} tagged vpn, wifi`, `${o.agent.user.name} tagged lan and removed tags vpn, wifi`])
    expect((await getTicketDetail(o.requester, t.number)).timeline.filter((e) => e.kind === 'edit')).toEqual([])
  })

  it('a requester may not tag, not even their own ticket', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'open')
    await expect(setTicketTags(o.requester, { number: t.number, add: ['vpn'] })).rejects.toBeInstanceOf(ForbiddenError)
    await expect(listOrgTags(o.requester, {})).rejects.toBeInstanceOf(ForbiddenError)
    expect(await tagsOf(o, t.number)).toEqual([])
    expect(await auditCount(o, 'ticket.tags_changed')).toBe(0)
  })

  it('another organisation’s ticket is not found, and a sensitive one is not found for an uncleared agent', async () => {
    const a = await makeOrg()
    const b = await makeOrg()
    await ticketIn(b, 'open')
    await ticketIn(b, 'open')
    const theirs = await ticketIn(b, 'open') // #3 exists only in b
    await expect(setTicketTags(a.agent, { number: theirs.number, add: ['x'] })).rejects.toBeInstanceOf(NotFoundError)
    await expect(setTicketTags(a.admin, { number: theirs.number, add: ['x'] })).rejects.toBeInstanceOf(NotFoundError)
    expect(await tagsOf(b, theirs.number)).toEqual([])

    const secret = await ticketIn(a, 'new', { sensitive: true })
    await expect(setTicketTags(a.agent, { number: secret.number, add: ['x'] })).rejects.toBeInstanceOf(NotFoundError)
    const [cleared] = await clear(a, a.agent2)
    await setTicketTags(cleared, { number: secret.number, add: ['x'] })
    expect(await tagsOf(a, secret.number)).toEqual(['x'])
  })

  it('joins the caller’s transaction: a bulk tagging that fails half-way leaves every ticket as it was', async () => {
    const o = await makeOrg()
    const [t1, t2] = [await ticketIn(o, 'open'), await ticketIn(o, 'open')]
    const db = await getDb()
    await expect(db.transaction((tx) => withTx({ ...o.agent, tx }, async (_tx, ctx) => {
      await setTicketTags(ctx, { number: t1.number, add: ['bulk'] })
      await setTicketTags(ctx, { number: t2.number, add: ['bulk'] })
      throw new Error('the third ticket failed')
    }))).rejects.toThrow('the third ticket failed')
    expect([await tagsOf(o, t1.number), await tagsOf(o, t2.number)]).toEqual([[], []])
    expect(await auditCount(o, 'ticket.tags_changed')).toBe(0)
    expect(await listOrgTags(o.agent, { prefix: 'bulk' })).toEqual([])
  })

  it('the search box’s tag: filter finds tagged tickets, whatever the case typed', async () => {
    const o = await makeOrg()
    const [t1, , t3] = [await ticketIn(o, 'open'), await ticketIn(o, 'open'), await ticketIn(o, 'open')]
    await setTicketTags(o.agent, { number: t1.number, add: ['vpn'] })
    await setTicketTags(o.agent, { number: t3.number, add: ['vpn', 'wifi'] })
    const found = await listTickets(o.agent, { q: 'tag:VPN', sort: 'number', dir: 'asc' })
    expect(found.rows.map((r) => r.number)).toEqual([t1.number, t3.number])
    expect(found.rows.map((r) => r.tags)).toEqual([['vpn'], ['vpn', 'wifi']])
  })
})

describe('tag suggestions (listOrgTags)', () => {
  async function taggedOrg() {
    const o = await makeOrg()
    const tag = async (tags: string[], opts: { sensitive?: boolean } = {}) => {
      const t = await ticketIn(o, 'open', opts.sensitive ? { sensitive: true, assignee: o.admin } : {})
      await setTicketTags(o.admin, { number: t.number, add: tags })
      return t
    }
    const a = await tag(['vpn', 'vip'])
    await tag(['vpn'])
    await tag(['vpn', 'wifi'])
    const secret = await tag(['vpn', 'gbv-case'], { sensitive: true })
    return { o, a, secret }
  }
  const names = (rows: { tag: string }[]) => rows.map((r) => r.tag)

  it('most used first, by prefix, counting only tickets the caller can see', async () => {
    const { o } = await taggedOrg()
    expect(await listOrgTags(o.agent, { prefix: 'v' })).toEqual([{ tag: 'vpn', count: 3 }, { tag: 'vip', count: 1 }])
    expect(await listOrgTags(o.agent, { prefix: ' VP' })).toEqual([{ tag: 'vpn', count: 3 }])
    expect(names(await listOrgTags(o.agent, {}))).toEqual(['vpn', 'vip', 'wifi'])
    expect(names(await listOrgTags(o.agent, { limit: 1 }))).toEqual(['vpn'])
    // A prefix with LIKE's wildcards is taken literally.
    expect(await listOrgTags(o.agent, { prefix: '_' })).toEqual([])
    expect(await listOrgTags(o.agent, { prefix: 'x'.repeat(41) })).toEqual([])
  })

  it('a tag only sensitive tickets carry is never suggested to an uncleared agent; cleared staff and admins see it', async () => {
    const { o } = await taggedOrg()
    expect(names(await listOrgTags(o.agent, { prefix: 'g' }))).toEqual([])
    expect(names(await listOrgTags(o.agent, {}))).not.toContain('gbv-case')
    const [cleared] = await clear(o, o.agent2)
    expect(await listOrgTags(cleared, { prefix: 'g' })).toEqual([{ tag: 'gbv-case', count: 1 }])
    expect(await listOrgTags(o.admin, { prefix: 'vp' })).toEqual([{ tag: 'vpn', count: 4 }])
  })

  it('only the caller’s organisation', async () => {
    const { o } = await taggedOrg()
    const other = await makeOrg()
    const t = await ticketIn(other, 'open')
    await setTicketTags(other.agent, { number: t.number, add: ['vpn-elsewhere', 'metro-only'] })
    expect(names(await listOrgTags(o.admin, {}))).toEqual(['vpn', 'gbv-case', 'vip', 'wifi'])
    expect(names(await listOrgTags(other.agent, { prefix: 'v' }))).toEqual(['vpn-elsewhere'])
  })

  it('follows every change of visibility: made sensitive, moved to a sensitive category, deleted, restored', async () => {
    const { o, a } = await taggedOrg()
    const edit = { number: a.number, title: a.title, description: a.description, priority: a.priority }
    // 'vip' is only on ticket a: flagged sensitive, it disappears for the uncleared agent.
    await updateTicket(o.agent, { ...edit, categoryId: category(o, 'General'), sensitive: true })
    expect(names(await listOrgTags(o.agent, { prefix: 'vi' }))).toEqual([])
    expect(await listOrgTags(o.admin, { prefix: 'vi' })).toEqual([{ tag: 'vip', count: 1 }])
    await updateTicket(o.admin, { ...edit, categoryId: category(o, 'General'), sensitive: false })
    expect(names(await listOrgTags(o.agent, { prefix: 'vi' }))).toEqual(['vip'])
    await updateTicket(o.agent, { ...edit, categoryId: category(o, 'Sensitive') })
    expect(names(await listOrgTags(o.agent, { prefix: 'vi' }))).toEqual([])
    await updateTicket(o.admin, { ...edit, categoryId: category(o, 'General'), sensitive: false })

    await deleteTicket(o.admin, { number: a.number })
    expect(names(await listOrgTags(o.admin, { prefix: 'vi' }))).toEqual([])
    expect(await listOrgTags(o.admin, { prefix: 'vp' })).toEqual([{ tag: 'vpn', count: 3 }])
    await restoreTicket(o.admin, { number: a.number })
    expect(await listOrgTags(o.agent, { prefix: 'v' })).toEqual([{ tag: 'vpn', count: 3 }, { tag: 'vip', count: 1 }])

    // Untagging the last ticket removes the tag's row.
    await setTicketTags(o.admin, { number: a.number, remove: ['vip'] })
    const rows = await o.db.select().from(ticketTagCounts).where(and(eq(ticketTagCounts.organizationId, o.org.id), eq(ticketTagCounts.tag, 'vip')))
    expect(rows).toEqual([])
  })

  it('the counts stay equal to a recount from the tickets through bulk inserts, updates and hard deletes', async () => {
    const o = await makeOrg()
    // PGlite answers { rows }, postgres.js an array of rows.
    const rowsOf = (r: unknown) => (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows)
    const recount = async () => rowsOf(await o.db.execute(sql`
      select u.tag, count(*)::int as tickets, (count(*) filter (where t.sensitive))::int as sensitive_tickets
      from tickets t cross join lateral (select distinct unnest(t.tags) as tag) u
      where t.organization_id = ${o.org.id} and t.deleted_at is null group by u.tag order by u.tag`))
    const stored = async () => o.db.select({ tag: ticketTagCounts.tag, tickets: ticketTagCounts.tickets, sensitive_tickets: ticketTagCounts.sensitiveTickets })
      .from(ticketTagCounts).where(eq(ticketTagCounts.organizationId, o.org.id)).orderBy(ticketTagCounts.tag)
    // One statement inserting many tagged tickets (the benchmark seeder's way), some sensitive, one deleted.
    await o.db.execute(sql`
      insert into tickets (organization_id, number, title, description, requester_id, created_by_id, sensitive, tags, deleted_at)
      select ${o.org.id}, 1000 + g, 'Bulk ' || g, 'x', ${o.requester.user.id}, ${o.requester.user.id}, g % 4 = 0,
        string_to_array((array['a,b', 'b,c', 'c,c', 'd,a'])[1 + g % 4], ','), case when g = 7 then now() end
      from generate_series(1, 40) g`)
    expect(await stored()).toEqual(await recount())
    expect(await listOrgTags(o.admin, { prefix: 'c' })).toEqual([{ tag: 'c', count: 20 }])
    await o.db.execute(sql`update tickets set sensitive = not sensitive where organization_id = ${o.org.id} and number between 1001 and 1010`)
    await o.db.execute(sql`update tickets set tags = array['e'] where organization_id = ${o.org.id} and number between 1011 and 1015`)
    expect(await stored()).toEqual(await recount())
    await o.db.execute(sql`delete from tickets where organization_id = ${o.org.id} and number > 1020`)
    expect(await stored()).toEqual(await recount())
    await o.db.execute(sql`delete from tickets where organization_id = ${o.org.id}`)
    expect(await stored()).toEqual([])
  })
})
