import { describe, expect, it } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { memberships, users } from '@/db/schema'
import { ForbiddenError } from '@/lib/errors'
import { makeOrg, uid, type TestOrg } from '@/test/factory'
import { addMember, setMemberActive } from './members'
import { MEMBERS_PAGE_SIZE, memberCounts, searchMembers } from './search-members'

type Page = Awaited<ReturnType<typeof searchMembers>>

/** Every page from the first, following `next`, plus the pages themselves. */
async function walk(o: TestOrg, query: Record<string, string> = {}) {
  const pages: Page[] = []
  let after: string | undefined
  do {
    const page = await searchMembers(o.admin, { ...query, ...(after ? { after } : {}) })
    pages.push(page)
    after = page.next ?? undefined
  } while (after && pages.length < 20)
  return pages
}

const byKey = (a: { name: string; userId: string }, b: { name: string; userId: string }) =>
  a.name.toLowerCase() < b.name.toLowerCase() ? -1 : a.name.toLowerCase() > b.name.toLowerCase() ? 1 : a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0

describe('members list: keyset pages', () => {
  it('pages forward and back without duplicates or gaps, even when many people share a name', async () => {
    const o = await makeOrg()
    // 120 people under three names that differ only in case: only the user id tells them apart.
    for (let i = 0; i < 120; i++) {
      await addMember(o.admin, { email: `same-${i}-${uid()}@t.test`, name: ['Sam Lee', 'sam lee', 'SAM LEE'][i % 3], role: 'requester' })
    }
    const pages = await walk(o)
    const total = 5 + 120
    expect(pages.map((p) => p.rows.length)).toEqual([MEMBERS_PAGE_SIZE, MEMBERS_PAGE_SIZE, total - 2 * MEMBERS_PAGE_SIZE])
    const seen = pages.flatMap((p) => p.rows)
    expect(new Set(seen.map((r) => r.userId)).size).toBe(total)
    expect(seen).toEqual([...seen].sort(byKey))
    expect(pages[0].prev).toBeNull()
    expect(pages[2].next).toBeNull()
    // Back from the last page: the same pages, in the same order.
    const back1 = await searchMembers(o.admin, { before: pages[2].prev! })
    expect(back1.rows.map((r) => r.userId)).toEqual(pages[1].rows.map((r) => r.userId))
    const back0 = await searchMembers(o.admin, { before: back1.prev! })
    expect(back0.rows.map((r) => r.userId)).toEqual(pages[0].rows.map((r) => r.userId))
    expect(back0.prev).toBeNull()
    expect(back0.next).not.toBeNull()
  })

  it('a cursor that does not decode gives the first page instead of an error', async () => {
    const o = await makeOrg()
    const first = await searchMembers(o.admin, {})
    for (const after of ['garbage', Buffer.from('{"v":1,"id":"x"}').toString('base64url'), 'x'.repeat(5000)]) {
      expect((await searchMembers(o.admin, { after })).rows).toEqual(first.rows)
    }
  })
})

describe('members list: search and filters', () => {
  it('finds people by any part of the name or email, ignoring case; wildcards are literal', async () => {
    const o = await makeOrg()
    const tag = uid()
    const zoe = await addMember(o.admin, { email: `zoe.${tag}@example.test`, name: `Zoë Okafor-${tag}`, role: 'agent' })
    const pct = await addMember(o.admin, { email: `pct-${tag}@t.test`, name: `100% Sure ${tag}`, role: 'requester' })
    const ids = async (q: Record<string, string>) => (await searchMembers(o.admin, q)).rows.map((r) => r.userId)
    expect(await ids({ q: `OKAFOR-${tag.toUpperCase()}` })).toEqual([zoe.id])
    expect(await ids({ q: `zoe.${tag}@EXAMPLE` })).toEqual([zoe.id])
    expect(await ids({ q: `0% sure ${tag}` })).toEqual([pct.id])
    expect(await ids({ q: `%${tag}` })).toEqual([]) // a literal "%", not "anything"
    expect(await ids({ q: `_${tag}` })).toEqual([])
    expect(await ids({ q: `  okafor-${tag}  ` })).toEqual([zoe.id])
    expect(await ids({ q: `nobody-${tag}` })).toEqual([])
  })

  it('filters by role and by status', async () => {
    const o = await makeOrg()
    await setMemberActive(o.admin, { userId: o.agent2.user.id, active: false })
    const ids = async (q: Record<string, string>) => (await searchMembers(o.admin, q)).rows.map((r) => r.userId).sort()
    expect(await ids({ role: 'agent' })).toEqual([o.agent.user.id, o.agent2.user.id].sort())
    expect(await ids({ role: 'agent', status: 'active' })).toEqual([o.agent.user.id])
    expect(await ids({ status: 'deactivated' })).toEqual([o.agent2.user.id])
    expect(await ids({ role: 'requester' })).toEqual([o.requester.user.id, o.requester2.user.id].sort())
    // An unknown filter value is dropped, not an error.
    expect((await ids({ role: 'boss', status: 'maybe' })).length).toBe(5)
    expect(await memberCounts(o.admin)).toEqual({ active: 4, admins: 1 })
  })

  it('never shows another organisation\'s members, however the search is phrased', async () => {
    const a = await makeOrg()
    const b = await makeOrg()
    const tag = uid()
    const mine = await addMember(a.admin, { email: `twin-a-${tag}@t.test`, name: `Twin ${tag}`, role: 'agent' })
    await addMember(b.admin, { email: `twin-b-${tag}@t.test`, name: `Twin ${tag}`, role: 'agent' })
    for (const q of [{ q: tag }, { q: 'twin' }, { q: '' }, { role: 'agent' }] as Record<string, string>[]) {
      const rows = (await walk(a, q)).flatMap((p) => p.rows)
      expect(rows.every((r) => ![b.admin.user.id, b.agent.user.id, b.requester.user.id].includes(r.userId))).toBe(true)
      expect(rows.some((r) => r.email.includes('twin-b-'))).toBe(false)
    }
    expect((await searchMembers(a.admin, { q: tag })).rows.map((r) => r.userId)).toEqual([mine.id])
    expect(await memberCounts(b.admin)).toEqual({ active: 6, admins: 1 })
  })

  it('is for staff: a requester is refused', async () => {
    const o = await makeOrg()
    await expect(searchMembers(o.requester, {})).rejects.toBeInstanceOf(ForbiddenError)
    await expect(memberCounts(o.requester)).rejects.toBeInstanceOf(ForbiddenError)
    expect((await searchMembers(o.agent, {})).rows).toHaveLength(5)
  })
})

describe('the name and email copies on memberships', () => {
  it('follow the account when the person changes name or email, in every organisation', async () => {
    const a = await makeOrg()
    const b = await makeOrg()
    const tag = uid()
    const person = await addMember(a.admin, { email: `mover-${tag}@t.test`, name: `Before ${tag}`, role: 'agent' })
    await addMember(b.admin, { email: person.email, role: 'requester' })
    await a.db.update(users).set({ name: `After ${tag}`, email: `moved-${tag}@t.test` }).where(eq(users.id, person.id))
    for (const o of [a, b]) {
      expect((await searchMembers(o.admin, { q: `after ${tag}` })).rows).toMatchObject([{ userId: person.id, name: `After ${tag}`, email: `moved-${tag}@t.test` }])
      expect((await searchMembers(o.admin, { q: `before ${tag}` })).rows).toEqual([])
    }
    // A write that tries to set the copies directly is overruled by the account's own values.
    await a.db.update(memberships).set({ name: 'Forged' }).where(and(eq(memberships.organizationId, a.org.id), eq(memberships.userId, person.id)))
    expect((await searchMembers(a.admin, { q: tag })).rows[0].name).toBe(`After ${tag}`)
  })
})
