import { describe, expect, it } from 'vitest'
import { and, count, eq } from 'drizzle-orm'
import { ZodError } from 'zod'
import { auditEvents, ticketCounters, tickets } from '@/db/schema'
import { addComment } from '@/lib/comments/add-comment'
import { ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors'
import { category, makeOrg, uid, type TestOrg } from '@/test/factory'
import { auditCount, clear, fieldErrorsOf, rowOf, ticketIn } from '@/test/tickets'
import { assignTicket } from './assign-ticket'
import { changeStatus } from './change-status'
import { createTicket } from './create-ticket'
import { deleteTicket, restoreTicket } from './delete-ticket'
import { getTicketDetail } from './get-ticket'
import { countTickets, formatCount, listTickets } from './list-tickets'
import { savePolicy } from '@/lib/sla/policies'
import { TITLE_MAX } from './schemas'
import { updateTicket } from './update-ticket'

const valid = (o: TestOrg) => ({ title: 'Printer on fire', description: 'Third floor, smoke everywhere', categoryId: category(o, 'General') })

/** Everything a failed write could have touched, for "nothing was written" checks. */
const numbers = async (ctx: Parameters<typeof listTickets>[0], q: object = {}) =>
  (await listTickets(ctx, q)).rows.map((r) => r.number).sort((a, b) => a - b)

async function footprint(o: TestOrg) {
  const [t] = await o.db.select({ n: count() }).from(tickets).where(eq(tickets.organizationId, o.org.id))
  const [c] = await o.db.select().from(ticketCounters).where(eq(ticketCounters.organizationId, o.org.id))
  const [e] = await o.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.organizationId, o.org.id))
  return { tickets: t.n, counter: c.lastNumber, events: e.n }
}

describe('createTicket', () => {
  it('a requester files a ticket for themselves: #1, new, history and audit written', async () => {
    const o = await makeOrg()
    const t = await createTicket(o.requester, valid(o))
    expect(t).toMatchObject({ number: 1, status: 'new', priority: 'normal', requesterId: o.requester.user.id, createdById: o.requester.user.id, sensitive: false })
    expect(await auditCount(o, 'ticket.created', t.id)).toBe(1)
  })

  it('a requester cannot file on behalf of someone else: requesterEmail is ignored', async () => {
    const o = await makeOrg()
    const t = await createTicket(o.requester, { ...valid(o), requesterEmail: o.requester2.user.email })
    expect(t.requesterId).toBe(o.requester.user.id)
  })

  it('staff file on behalf of an active member of the org, and only of one', async () => {
    const o = await makeOrg()
    const other = await makeOrg()
    const t = await createTicket(o.agent, { ...valid(o), requesterEmail: o.requester.user.email.toUpperCase() })
    expect(t).toMatchObject({ requesterId: o.requester.user.id, createdById: o.agent.user.id })
    const before = await footprint(o)
    for (const email of [other.requester.user.email, `nobody-${uid()}@t.test`]) {
      expect(await fieldErrorsOf(createTicket(o.agent, { ...valid(o), requesterEmail: email }))).toHaveProperty('requesterEmail')
    }
    expect(await footprint(o)).toEqual(before)
  })

  it('a category from another organisation is refused', async () => {
    const o = await makeOrg()
    const other = await makeOrg()
    const before = await footprint(o)
    const err = await createTicket(o.requester, { ...valid(o), categoryId: category(other, 'General') }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ValidationError)
    expect((err as ValidationError).fieldErrors).toHaveProperty('categoryId')
    expect(await footprint(o)).toEqual(before)
  })

  it('a sensitive category makes the ticket sensitive', async () => {
    const o = await makeOrg()
    const t = await createTicket(o.requester, { ...valid(o), categoryId: category(o, 'Sensitive') })
    expect(t.sensitive).toBe(true)
  })

  it('50 concurrent creations in one org get exactly #1..#50', async () => {
    const o = await makeOrg()
    const other = await makeOrg()
    const people = [o.requester, o.requester2, o.agent, o.agent2, o.admin]
    const made = await Promise.all([
      ...Array.from({ length: 50 }, (_, i) => createTicket(people[i % people.length], { ...valid(o), title: `Concurrent ${i}` })),
      // Another org creating at the same time has its own sequence.
      ...Array.from({ length: 5 }, () => createTicket(other.requester, valid(other))),
    ])
    const numbers = made.slice(0, 50).map((t) => t.number).sort((a, b) => a - b)
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => i + 1))
    expect(made.slice(50).map((t) => t.number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5])
    const stored = await o.db.select({ number: tickets.number }).from(tickets).where(eq(tickets.organizationId, o.org.id))
    expect(stored.map((r) => r.number).sort((a, b) => a - b)).toEqual(numbers)
    expect((await footprint(o)).counter).toBe(50)
    expect(await auditCount(o, 'ticket.created')).toBe(50)
  })

  it('refused creations do not consume a number', async () => {
    const o = await makeOrg()
    await createTicket(o.requester, valid(o))
    await createTicket(o.requester, { ...valid(o), title: '' }).catch(() => {})
    await createTicket(o.agent, { ...valid(o), requesterEmail: `nobody-${uid()}@t.test` }).catch(() => {})
    expect((await createTicket(o.requester, valid(o))).number).toBe(2)
  })
})

describe('bad input writes nothing and reports every field', () => {
  it('empty title, empty description, bad priority and a non-uuid category all at once', async () => {
    const o = await makeOrg()
    const before = await footprint(o)
    const call = createTicket(o.requester, { title: '   ', description: '', priority: 'asap' as never, categoryId: 'not-a-uuid' })
    await expect(call).rejects.toBeInstanceOf(ZodError)
    const errors = await fieldErrorsOf(createTicket(o.requester, { title: '   ', description: '', priority: 'asap' as never, categoryId: 'not-a-uuid' }))
    expect(errors).toEqual({
      title: ['Enter a title'],
      description: ['Describe the problem'],
      priority: ['Choose low, normal, high or urgent'],
      categoryId: ['Choose a valid option'],
    })
    expect(await footprint(o)).toEqual(before)
  })

  it('an over-long title is refused; exactly the limit is accepted', async () => {
    const o = await makeOrg()
    const before = await footprint(o)
    expect(await fieldErrorsOf(createTicket(o.requester, { ...valid(o), title: 'x'.repeat(TITLE_MAX + 1) })))
      .toEqual({ title: [`Keep the title under ${TITLE_MAX} characters`] })
    expect(await footprint(o)).toEqual(before)
    expect((await createTicket(o.requester, { ...valid(o), title: 'x'.repeat(TITLE_MAX) })).title).toHaveLength(TITLE_MAX)
  })

  it('a bad ticket number or assignee id is a ZodError before anything is read', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'new')
    for (const number of ['abc', -1, 0, 1.5]) {
      expect(await fieldErrorsOf(changeStatus(o.admin, { number: number as never, to: 'open' }))).toHaveProperty('number')
    }
    expect(await fieldErrorsOf(assignTicket(o.admin, { number: t.number, assigneeId: 'not-a-uuid' }))).toEqual({ assigneeId: ['Choose an agent'] })
    expect(await fieldErrorsOf(changeStatus(o.admin, { number: t.number, to: 'done' as never }))).toEqual({ to: ['Choose a status'] })
    expect((await rowOf(o, t.number))).toMatchObject({ status: 'new', assigneeId: null })
  })

  it('a ticket number beyond any stored one is simply not found, never a database error', async () => {
    const o = await makeOrg()
    // Larger than a Postgres integer: must not reach the database as an out-of-range parameter.
    const err = await changeStatus(o.admin, { number: 99_999_999_999, to: 'open' }).catch((e: unknown) => e)
    expect(err instanceof NotFoundError || err instanceof ZodError, String(err)).toBe(true)
  })

  it('list filters from a hand-edited URL never crash the list', async () => {
    const o = await makeOrg()
    await ticketIn(o, 'new')
    const cursor = (v: unknown) => Buffer.from(JSON.stringify({ v, n: 1 })).toString('base64url')
    const urls = [
      { q: '99999999999' }, { q: '#99999999999' }, { q: '%_\\' }, { status: 'bogus' }, { priority: 'x,y' }, { assignee: 'nope' },
      { sort: 'number', after: cursor('abc') }, { sort: 'created', after: cursor('not a date') }, { sort: 'priority', before: cursor('ultra') },
      { sort: 'status', after: cursor(42) }, { after: 'garbage' },
    ]
    for (const q of urls) {
      await expect(listTickets(o.admin, q), JSON.stringify(q)).resolves.toHaveProperty('rows')
      await expect(countTickets(o.admin, q), JSON.stringify(q)).resolves.toBeTypeOf('number')
    }
  })

  it('updateTicket reports every bad field and changes nothing', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'open')
    const before = await footprint(o)
    expect(Object.keys(await fieldErrorsOf(updateTicket(o.agent, { number: t.number, title: '', description: '', priority: 'meh' as never, categoryId: 'x' }))).sort())
      .toEqual(['categoryId', 'description', 'priority', 'title'])
    expect(await footprint(o)).toEqual(before)
    expect((await rowOf(o, t.number)).title).toBe(t.title)
  })
})

describe('assignTicket', () => {
  it('agents and admins assign; requesters cannot', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'new')
    await expect(assignTicket(o.requester, { number: t.number, assigneeId: o.agent.user.id })).rejects.toBeInstanceOf(ForbiddenError)
    expect((await rowOf(o, t.number)).assigneeId).toBeNull()
    await assignTicket(o.agent, { number: t.number, assigneeId: o.agent2.user.id })
    expect((await rowOf(o, t.number)).assigneeId).toBe(o.agent2.user.id)
    await assignTicket(o.admin, { number: t.number, assigneeId: null })
    expect((await rowOf(o, t.number)).assigneeId).toBeNull()
    expect(await auditCount(o, 'ticket.assigned', t.id)).toBe(1)
    expect(await auditCount(o, 'ticket.unassigned', t.id)).toBe(1)
  })

  it('only active agents and admins of this org can be assignees', async () => {
    const o = await makeOrg()
    const other = await makeOrg()
    const t = await ticketIn(o, 'new')
    for (const assignee of [o.requester, other.agent, other.admin]) {
      const err = await assignTicket(o.admin, { number: t.number, assigneeId: assignee.user.id }).catch((e: unknown) => e)
      expect(err).toBeInstanceOf(ValidationError)
      expect((err as ValidationError).fieldErrors).toHaveProperty('assigneeId')
    }
    expect(await rowOf(o, t.number)).toMatchObject({ status: 'new', assigneeId: null })
  })

  it('a sensitive ticket goes only to cleared agents or admins', async () => {
    const o = await makeOrg()
    const [cleared] = await clear(o, o.agent2)
    const t = await ticketIn(o, 'new', { sensitive: true })
    const err = await assignTicket(o.admin, { number: t.number, assigneeId: o.agent.user.id }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ValidationError)
    expect((err as ValidationError).fieldErrors?.assigneeId?.[0]).toMatch(/restricted team/)
    await assignTicket(o.admin, { number: t.number, assigneeId: cleared.user.id })
    expect((await rowOf(o, t.number)).assigneeId).toBe(cleared.user.id)
    await assignTicket(cleared, { number: t.number, assigneeId: o.admin.user.id })
    expect((await rowOf(o, t.number)).assigneeId).toBe(o.admin.user.id)
  })
})

describe('updateTicket', () => {
  it('staff edit; requesters cannot; the audit records old → new', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'open')
    const edit = { number: t.number, title: 'New title', description: t.description, priority: 'urgent' as const, categoryId: t.categoryId! }
    await expect(updateTicket(o.requester, edit)).rejects.toBeInstanceOf(ForbiddenError)
    await updateTicket(o.agent, edit)
    expect(await rowOf(o, t.number)).toMatchObject({ title: 'New title', priority: 'urgent' })
    const [e] = await o.db.select().from(auditEvents).where(and(eq(auditEvents.organizationId, o.org.id), eq(auditEvents.action, 'ticket.updated')))
    expect(e.changes).toEqual({ title: [t.title, 'New title'], priority: ['normal', 'urgent'] })
    // Saving the same values again is not an edit.
    await updateTicket(o.agent, edit)
    expect(await auditCount(o, 'ticket.updated')).toBe(1)
  })

  it('an agent may flag a ticket sensitive but only an admin may clear the flag', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'open')
    const edit = { number: t.number, title: t.title, description: t.description, priority: t.priority, categoryId: t.categoryId! }
    await updateTicket(o.agent, { ...edit, sensitive: true })
    expect((await rowOf(o, t.number)).sensitive).toBe(true)
    const [cleared] = await clear(o, o.agent2)
    await expect(updateTicket(cleared, { ...edit, sensitive: false })).rejects.toBeInstanceOf(ForbiddenError)
    await updateTicket(o.admin, { ...edit, sensitive: false })
    expect((await rowOf(o, t.number)).sensitive).toBe(false)
  })

  it('moving into a sensitive category restricts the ticket', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'open')
    await updateTicket(o.agent, { number: t.number, title: t.title, description: t.description, priority: t.priority, categoryId: category(o, 'Sensitive') })
    expect((await rowOf(o, t.number)).sensitive).toBe(true)
  })
})

describe('listTickets keyset pagination', () => {
  it('every sort walks forward and back over every ticket exactly once', async () => {
    const o = await makeOrg()
    const priorities = ['low', 'normal', 'high', 'urgent'] as const
    // Some tickets get SLA deadlines (sort=due), the rest have none and go last.
    await savePolicy(o.admin, { priority: 'urgent', responseMinutes: 30, resolutionMinutes: 120, businessHours: false })
    await savePolicy(o.admin, { priority: 'high', responseMinutes: 60, resolutionMinutes: 240, businessHours: false })
    // Created concurrently so several may share a timestamp, and with repeated sort values.
    await Promise.all(Array.from({ length: 30 }, (_, i) =>
      createTicket(o.requester, { ...valid(o), title: `T${i % 7}`, priority: priorities[i % 4] })))
    const sorts = [
      ['number', 'desc'], ['number', 'asc'], ['created', 'asc'], ['created', 'desc'], ['updated', 'asc'], ['updated', 'desc'],
      ['priority', 'desc'], ['priority', 'asc'], ['status', 'asc'], ['title', 'asc'], ['title', 'desc'], ['due', 'asc'], ['due', 'desc'],
    ]
    for (const [sort, dir] of sorts) {
      const label = `sort=${sort} dir=${dir}`
      const seen: number[] = []
      const pages: { rows: { number: number }[]; prev: string | null }[] = []
      let after: string | undefined
      do {
        const page = await listTickets(o.admin, { sort, dir, after })
        seen.push(...page.rows.map((r) => r.number))
        pages.push(page)
        after = page.next ?? undefined
      } while (after && pages.length < 5)
      expect(pages.length, label).toBe(2)
      expect([...seen].sort((a, b) => a - b), label).toEqual(Array.from({ length: 30 }, (_, i) => i + 1))
      // Going back from page 2 gives page 1 again.
      const back = await listTickets(o.admin, { sort, dir, before: pages[1].prev! })
      expect(back.rows.map((r) => r.number), label).toEqual(pages[0].rows.map((r) => r.number))
    }
  })
})

describe('counts', () => {
  it('countTickets matches what was created', async () => {
    const o = await makeOrg()
    await ticketIn(o, 'new')
    await ticketIn(o, 'open')
    expect(await countTickets(o.admin, {})).toBe(2)
    expect(await countTickets(o.admin, { status: 'open' })).toBe(1)
  })

  it('stops counting past the cap and says so', async () => {
    const o = await makeOrg()
    for (let i = 0; i < 3; i++) await ticketIn(o, 'new')
    expect(await countTickets(o.admin, {}, { cap: 2 })).toBe(3)
    expect(formatCount(3, 2)).toBe('2+')
    expect(await countTickets(o.admin, {}, { cap: 3 })).toBe(3)
    expect(formatCount(3, 3)).toBe('3')
    expect(formatCount(12_345)).toBe('1,000+')
  })
})

describe('soft delete and restore (§3)', () => {
  it('only an admin may delete or restore', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'open')
    for (const ctx of [o.agent, o.agent2, o.requester]) {
      await expect(deleteTicket(ctx, { number: t.number })).rejects.toBeInstanceOf(ForbiddenError)
    }
    expect((await rowOf(o, t.number)).deletedAt).toBeNull()
    await deleteTicket(o.admin, { number: t.number })
    for (const ctx of [o.agent, o.requester]) {
      await expect(restoreTicket(ctx, { number: t.number })).rejects.toBeInstanceOf(ForbiddenError)
    }
    expect((await rowOf(o, t.number)).deletedAt).not.toBeNull()
  })

  it('a deleted ticket vanishes for everyone but the admin, and restore brings it back', async () => {
    const o = await makeOrg()
    const keep = await ticketIn(o, 'new')
    const t = await ticketIn(o, 'in_progress')
    await deleteTicket(o.admin, { number: t.number })
    expect(await rowOf(o, t.number)).toMatchObject({ deletedById: o.admin.user.id })

    for (const ctx of [o.agent, o.requester]) {
      expect(await numbers(ctx)).toEqual([keep.number])
      expect(await countTickets(ctx, {})).toBe(1)
      expect(await countTickets(ctx, { deleted: '1' })).toBe(1) // asking for the bin shows non-admins nothing extra
      await expect(getTicketDetail(ctx, t.number)).rejects.toBeInstanceOf(NotFoundError)
    }
    await expect(changeStatus(o.agent, { number: t.number, to: 'pending' })).rejects.toBeInstanceOf(NotFoundError)
    await expect(addComment(o.requester, { number: t.number, body: 'hello?' })).rejects.toBeInstanceOf(NotFoundError)
    // The admin: absent from the normal list, present in the bin and on its page (to restore it), but not workable.
    expect(await numbers(o.admin)).toEqual([keep.number])
    expect(await numbers(o.admin, { deleted: '1' })).toEqual([t.number])
    const detail = await getTicketDetail(o.admin, t.number)
    expect(detail.allowedStatuses).toEqual([])
    await expect(changeStatus(o.admin, { number: t.number, to: 'pending' })).rejects.toBeInstanceOf(NotFoundError)
    await expect(deleteTicket(o.admin, { number: t.number })).rejects.toBeInstanceOf(NotFoundError)

    await restoreTicket(o.admin, { number: t.number })
    expect(await rowOf(o, t.number)).toMatchObject({ deletedAt: null, deletedById: null, status: 'in_progress' })
    expect(await numbers(o.agent)).toEqual([keep.number, t.number])
    expect(await numbers(o.requester)).toEqual([keep.number, t.number])
    expect((await getTicketDetail(o.requester, t.number)).ticket.id).toBe(t.id)
    expect(await numbers(o.admin, { deleted: '1' })).toEqual([])
    expect(await auditCount(o, 'ticket.deleted', t.id)).toBe(1)
    expect(await auditCount(o, 'ticket.restored', t.id)).toBe(1)
  })

  it('restoring a ticket that is not deleted is refused', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'new')
    await expect(restoreTicket(o.admin, { number: t.number })).rejects.toBeInstanceOf(NotFoundError)
    expect(await auditCount(o, 'ticket.restored')).toBe(0)
  })
})
