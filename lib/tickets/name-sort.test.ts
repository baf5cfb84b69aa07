import { describe, expect, it } from 'vitest'
import { addMember } from '@/lib/members/members'
import { loadCtx } from '@/lib/auth/load-ctx'
import type { Ctx } from '@/lib/auth/ctx-type'
import { assignTicket } from './assign-ticket'
import { createTicket } from './create-ticket'
import { listTickets } from './list-tickets'
import { TicketListQuery } from './schemas'
import { makeOrg, uid } from '@/test/factory'
import { makeTeam } from '@/test/tickets'

// Sorting by a person's, team's or category's name (§11): every row exactly once, in
// name order (case-blind), with nobody / no team / no category last in both directions,
// forwards and backwards through the keyset pages.

describe('sort by name columns', () => {
  it('requester, assignee, team and category sort by name with keyset paging, empties last either way', async () => {
    const o = await makeOrg({ categories: [{ name: 'billing' }, { name: 'Network' }] })
    const tag = uid()
    // First letters differ, so every collation agrees on the order; the case differs, so a
    // case-sensitive (byte) sort would put "Bob" and "Cleo" before "ann".
    const member = async (name: string, role: 'agent' | 'requester'): Promise<Ctx> => {
      const u = await addMember(o.admin, { email: `${name.toLowerCase()}-${tag}@t.test`, name: `${name} ${tag}`, role })
      return loadCtx(o.db, u.id, o.org.slug)
    }
    const requesters = [await member('ann', 'requester'), await member('Bob', 'requester'), await member('cleo', 'requester')]
    const agents = [await member('Dora', 'agent'), await member('eve', 'agent')]
    const teams = [
      await makeTeam(o, { name: `Alpha ${tag}`, members: agents }), await makeTeam(o, { name: `bravo ${tag}`, members: agents }),
      await makeTeam(o, { name: `Charlie ${tag}`, members: agents }),
    ]
    const assigneeOf = [agents[0], agents[1], null, agents[0], null]
    // Many without an assignee (page 1 ends among them: the cursor holds a null), few without
    // a team or category (page 1 ends on a name and the empties follow on page 2).
    const teamOf = [teams[0], teams[1], null, teams[2], teams[1], teams[0], teams[2], teams[0]]
    const categoryOf = [o.categories[0], o.categories[1], o.categories[1], o.categories[0], o.categories[0], o.categories[1], null]
    const made: { number: number; requester: string; assignee: string | null; team: string | null; category: string | null }[] = []
    for (let i = 0; i < 31; i++) {
      const r = requesters[i % 3]!
      const t = await createTicket(r, { title: `Sort ${i}`, description: 'x', categoryId: categoryOf[i % 7]?.id })
      const a = assigneeOf[i % 5]
      const team = teamOf[i % 8]
      if (team || a) await assignTicket(o.admin, { number: t.number, teamId: team?.id ?? null, assigneeId: a?.user.id ?? null })
      made.push({ number: t.number, requester: r.user.name, assignee: a?.user.name ?? null, team: team?.name ?? null, category: categoryOf[i % 7]?.name ?? null })
    }
    for (const sort of ['requester', 'assignee', 'team', 'category'] as const) {
      for (const dir of ['asc', 'desc'] as const) {
        const label = `sort=${sort} dir=${dir}`
        const sign = dir === 'asc' ? 1 : -1
        const expected = [...made].sort((x, y) => {
          const a = x[sort]?.toLowerCase() ?? null
          const b = y[sort]?.toLowerCase() ?? null
          if (a === null || b === null) return a === b ? sign * (x.number - y.number) : a === null ? 1 : -1
          return a < b ? -sign : a > b ? sign : sign * (x.number - y.number)
        }).map((t) => t.number)
        const pages: { rows: { number: number }[]; prev: string | null; next: string | null }[] = []
        let after: string | undefined
        do {
          const page = await listTickets(o.admin, { sort, dir, after })
          pages.push(page)
          after = page.next ?? undefined
        } while (after && pages.length < 5)
        expect(pages.length, label).toBe(2)
        expect(pages.flatMap((p) => p.rows.map((r) => r.number)), label).toEqual(expected)
        // Back from the last page: the first page again, in the same order.
        const back = await listTickets(o.admin, { sort, dir, before: pages[1]!.prev! })
        expect(back.rows.map((r) => r.number), label).toEqual(expected.slice(0, 25))
        expect(back.next, label).toBeTruthy()
        // And forward again from there: the second page.
        expect((await listTickets(o.admin, { sort, dir, after: back.next! })).rows.map((r) => r.number), label).toEqual(expected.slice(25))
      }
    }
  })

  it('a cursor that does not fit a name sort is ignored, not sent to the database', async () => {
    const o = await makeOrg()
    await createTicket(o.requester, { title: 'One', description: 'x' })
    const cursor = (v: unknown) => Buffer.from(JSON.stringify({ v, n: 1 })).toString('base64url')
    for (const q of [{ sort: 'requester', after: cursor(null) }, { sort: 'team', after: cursor(42) }, { sort: 'assignee', before: cursor({ x: 1 }) }]) {
      const page = await listTickets(o.admin, q)
      expect(page.rows.map((r) => r.title), JSON.stringify(q)).toEqual(['One'])
    }
  })

  it('each column opens on a sensible direction: most urgent, newest, names A to Z, deadlines soonest', () => {
    const dir = (sort: string) => TicketListQuery.parse({ sort }).dir
    expect(dir('priority')).toBe('desc')
    expect(dir('number')).toBe('desc')
    expect(dir('updated')).toBe('desc')
    expect(dir('due')).toBe('asc')
    expect(dir('title')).toBe('asc')
    for (const s of ['requester', 'assignee', 'team', 'category']) expect(dir(s)).toBe('asc')
  })
})
