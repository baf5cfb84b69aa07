import { describe, expect, it } from 'vitest'
import { eq, inArray } from 'drizzle-orm'
import { teamMembers, tickets } from '@/db/schema'
import { loadCtx } from '@/lib/auth/load-ctx'
import { addComment } from '@/lib/comments/add-comment'
import { markSolution } from '@/lib/comments/mark-solution'
import { ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors'
import { addMember } from '@/lib/members/members'
import { assignTicket } from '@/lib/tickets/assign-ticket'
import { changeStatus } from '@/lib/tickets/change-status'
import { deleteTicket, restoreTicket } from '@/lib/tickets/delete-ticket'
import { getTicketDetail } from '@/lib/tickets/get-ticket'
import { countTickets, listTickets } from '@/lib/tickets/list-tickets'
import { createTicket } from '@/lib/tickets/create-ticket'
import { COUNT_ALL_TEAMS_UP_TO, queueCounts } from '@/lib/tickets/queues'
import { saveRule } from '@/lib/routing/rules'
import { updateTicket } from '@/lib/tickets/update-ticket'
import { category, makeOrg, uid } from '@/test/factory'
import { auditCount, clear, makeTeam, rowOf, ticketIn } from '@/test/tickets'

// Who sees what: tenant isolation, requesters' own tickets, internal notes, sensitive tickets.
// All of it is the one predicate in visibility.ts, exercised through the domain functions.

const numbers = async (ctx: Parameters<typeof listTickets>[0], q: object = {}) =>
  (await listTickets(ctx, q)).rows.map((r) => r.number).sort((a, b) => a - b)

describe('requesters see their own tickets only', () => {
  it('another requester\'s ticket does not exist for them: not in lists, counts or detail', async () => {
    const o = await makeOrg()
    const mine = await ticketIn(o, 'new', { by: o.requester })
    const theirs = await ticketIn(o, 'open', { by: o.requester2 })
    expect(await numbers(o.requester)).toEqual([mine.number])
    expect(await countTickets(o.requester, {})).toBe(1)
    expect(await countTickets(o.requester, { q: `#${theirs.number}` })).toBe(0)
    await expect(getTicketDetail(o.requester, theirs.number)).rejects.toBeInstanceOf(NotFoundError)
    await expect(addComment(o.requester, { number: theirs.number, body: 'me too' })).rejects.toBeInstanceOf(NotFoundError)
    await expect(changeStatus(o.requester, { number: theirs.number, to: 'cancelled', note: 'x' })).rejects.toBeInstanceOf(NotFoundError)
    // Staff see both.
    expect(await numbers(o.agent)).toEqual([mine.number, theirs.number])
  })

  it('a requester never receives internal notes, nor the staff-only timeline', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'in_progress')
    await addComment(o.agent, { number: t.number, body: 'Public: we are on it' })
    await addComment(o.agent, { number: t.number, body: 'INTERNAL: requester is the CEO, be careful', internal: true })
    await addComment(o.requester, { number: t.number, body: 'Thanks!' })

    const asRequester = await getTicketDetail(o.requester, t.number)
    expect(asRequester.conversation.map((c) => c.body)).toEqual(['Public: we are on it', 'Thanks!'])
    expect(asRequester.conversation.every((c) => !c.internal)).toBe(true)
    expect(JSON.stringify(asRequester)).not.toContain('INTERNAL')
    expect(asRequester.timeline.every((e) => e.kind === 'status' || e.kind === 'comment')).toBe(true)
    // Public replies are on the requester's timeline; the internal note is not, not even as a line.
    expect(asRequester.timeline.filter((e) => e.kind === 'comment').map((e) => e.text)).toEqual(['replied', 'replied'])

    const asAgent = await getTicketDetail(o.agent2, t.number)
    expect(asAgent.conversation.map((c) => c.body)).toEqual(['Public: we are on it', 'INTERNAL: requester is the CEO, be careful', 'Thanks!'])
    expect(asAgent.timeline.some((e) => e.kind === 'assignment')).toBe(true)
    expect(asAgent.timeline.filter((e) => e.kind === 'comment').map((e) => e.text)).toEqual(['replied', 'added an internal note', 'replied'])
  })
})

describe('sensitive tickets (§6)', () => {
  async function setup() {
    const o = await makeOrg()
    const [cleared] = await clear(o, o.agent2)
    const secret = await ticketIn(o, 'new', { sensitive: true, by: o.requester })
    const plain = await ticketIn(o, 'new', { by: o.requester2 })
    return { o, cleared, secret, plain }
  }

  it('do not exist for an agent without clearance: detail, lists, counts, search and every write', async () => {
    const { o, secret, plain } = await setup()
    const n = secret.number
    await expect(getTicketDetail(o.agent, n)).rejects.toThrow(new NotFoundError(`Ticket #${n} was not found`))
    expect(await numbers(o.agent)).toEqual([plain.number])
    expect(await countTickets(o.agent, {})).toBe(1)
    expect(await countTickets(o.agent, { q: `#${n}` })).toBe(0)
    expect(await countTickets(o.agent, { category: secret.categoryId! })).toBe(0)
    // Thunks, run one at a time: a promise that rejects before it is awaited is an unhandled rejection.
    for (const call of [
      () => changeStatus(o.agent, { number: n, to: 'open' }),
      () => assignTicket(o.agent, { number: n, assigneeId: o.agent.user.id }),
      () => addComment(o.agent, { number: n, body: 'peek', internal: true }),
      () => updateTicket(o.agent, { number: n, title: 't', description: 'd', priority: 'low' }),
    ]) await expect(call()).rejects.toBeInstanceOf(NotFoundError)
    expect((await rowOf(o, n))).toMatchObject({ status: 'new', assigneeId: null, viewCount: 0 })
  })

  it('are visible to their requester, to a cleared agent and to an admin', async () => {
    const { o, cleared, secret, plain } = await setup()
    expect(await numbers(o.requester)).toEqual([secret.number])
    expect(await numbers(cleared)).toEqual([secret.number, plain.number])
    expect(await numbers(o.admin)).toEqual([secret.number, plain.number])
    expect(await countTickets(cleared, {})).toBe(2)
    for (const ctx of [o.requester, cleared, o.admin]) {
      expect((await getTicketDetail(ctx, secret.number)).ticket.id).toBe(secret.id)
    }
    // The other requester still sees nothing of it.
    await expect(getTicketDetail(o.requester2, secret.number)).rejects.toBeInstanceOf(NotFoundError)
  })

  it('every staff view is written to the audit log; views of plain tickets are not', async () => {
    const { o, cleared, secret, plain } = await setup()
    await getTicketDetail(cleared, secret.number)
    await getTicketDetail(o.admin, secret.number)
    await getTicketDetail(cleared, secret.number)
    await getTicketDetail(o.admin, plain.number)
    // The cleared agent's second render is the same visit (lib/tickets/view-once.test.ts).
    expect(await auditCount(o, 'ticket.viewed', secret.id)).toBe(2)
    expect(await auditCount(o, 'ticket.viewed', plain.id)).toBe(0)
    // A refused look is not a view.
    await getTicketDetail(o.agent, secret.number).catch(() => {})
    expect(await auditCount(o, 'ticket.viewed', secret.id)).toBe(2)
    expect((await rowOf(o, secret.number)).viewCount).toBe(3)
  })

  it('clearance is lost with the team: a re-loaded context no longer sees the ticket', async () => {
    const { o, cleared, secret } = await setup()
    expect(cleared.cleared).toBe(true)
    await o.db.delete(teamMembers).where(eq(teamMembers.userId, cleared.user.id))
    const again = await o.reload(cleared)
    expect(again.cleared).toBe(false)
    await expect(getTicketDetail(again, secret.number)).rejects.toBeInstanceOf(NotFoundError)
  })

  it('an agent who flags a ticket sensitive loses sight of it at once', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'open')
    await updateTicket(o.agent, { number: t.number, title: t.title, description: t.description, priority: t.priority, categoryId: t.categoryId!, sensitive: true })
    await expect(getTicketDetail(o.agent, t.number)).rejects.toBeInstanceOf(NotFoundError)
    expect(await countTickets(o.agent, {})).toBe(0)
  })
})

/** What every refused cross-org call must look like: exactly a missing ticket (§6, STYLE). */
async function expectMissing(p: Promise<unknown>, number: number) {
  const err = await p.then(() => null, (e: unknown) => e)
  expect(err).toBeInstanceOf(NotFoundError)
  expect((err as Error).message).toBe(`Ticket #${number} was not found`)
}

describe('another organisation cannot reach a ticket', () => {
  it('read, update, assign, status, comment, solution, delete and restore all answer "not found"', async () => {
    const a = await makeOrg()
    const b = await makeOrg()
    const t = await ticketIn(a, 'in_progress')
    const reply = await addComment(a.agent, { number: t.number, body: 'Public answer' })
    await deleteTicket(a.admin, { number: (await ticketIn(a, 'new')).number }) // a deleted one too
    const n = t.number
    const before = await rowOf(a, n)
    for (const ctx of [b.admin, b.agent, b.requester]) {
      await expectMissing(getTicketDetail(ctx, n), n)
      await expectMissing(getTicketDetail(ctx, 2), 2)
      await expectMissing(changeStatus(ctx, { number: n, to: 'resolved', note: 'x' }), n)
      await expectMissing(addComment(ctx, { number: n, body: 'hello from B' }), n)
    }
    for (const ctx of [b.admin, b.agent]) {
      await expectMissing(updateTicket(ctx, { number: n, title: 'Pwned', description: 'x', priority: 'low' }), n)
      await expectMissing(assignTicket(ctx, { number: n, assigneeId: ctx.user.id }), n)
      await expectMissing(markSolution(ctx, { number: n, commentId: reply.id }), n)
    }
    await expectMissing(deleteTicket(b.admin, { number: n }), n)
    await expectMissing(restoreTicket(b.admin, { number: 2 }), 2)
    // A number that does not exist anywhere fails the same way.
    await expectMissing(getTicketDetail(b.admin, 999), 999)
    expect(await rowOf(a, n)).toEqual(before)
  })

  it('with a ticket of its own under the same number, B only ever sees its own', async () => {
    const a = await makeOrg()
    const b = await makeOrg()
    const ta = await ticketIn(a, 'new')
    const tb = await ticketIn(b, 'new')
    expect(ta.number).toBe(tb.number)
    const detail = await getTicketDetail(b.admin, tb.number)
    expect(detail.ticket.id).toBe(tb.id)
    await changeStatus(b.admin, { number: tb.number, to: 'open' })
    await deleteTicket(b.admin, { number: tb.number })
    expect(await rowOf(a, ta.number)).toMatchObject({ status: 'new', deletedAt: null })
  })

  it('lists and counts never include another org\'s rows, whatever the filters', async () => {
    const a = await makeOrg()
    const b = await makeOrg()
    await ticketIn(a, 'new')
    await ticketIn(a, 'open')
    const assignedInB = await ticketIn(b, 'open')
    await ticketIn(b, 'new', { sensitive: true })
    const idsB = new Set((await b.db.select({ id: tickets.id }).from(tickets).where(inArray(tickets.organizationId, [b.org.id]))).map((r) => r.id))
    const queries = [
      {}, { status: 'new,open' }, { q: 'Ticket' }, { q: '#1' }, { assignee: b.agent.user.id }, { category: category(b, 'General') },
      { deleted: '1' }, { sort: 'title', dir: 'asc' },
    ]
    for (const ctx of [a.admin, a.agent, a.requester]) {
      for (const q of queries) {
        const { rows } = await listTickets(ctx, q)
        for (const r of rows) expect(idsB.has(r.id), `${ctx.role} ${JSON.stringify(q)}`).toBe(false)
        expect(await countTickets(ctx, q)).toBe(rows.length)
      }
    }
    // Filtering A's list by B's assignee or category finds nothing rather than B's tickets.
    expect(await countTickets(a.admin, { assignee: b.agent.user.id })).toBe(0)
    expect(await countTickets(a.admin, { category: category(b, 'General') })).toBe(0)
    expect(await countTickets(a.admin, {})).toBe(2)
    expect(assignedInB.number).toBe(1)
  })

  it('staff cannot assign a ticket to an agent of another organisation', async () => {
    const a = await makeOrg()
    const b = await makeOrg()
    const t = await ticketIn(a, 'new')
    await expect(assignTicket(a.admin, { number: t.number, assigneeId: b.agent.user.id })).rejects.toBeInstanceOf(ValidationError)
    expect((await rowOf(a, t.number)).assigneeId).toBeNull()
  })

  it('a comment id from another org cannot be marked as a solution through a ticket of one\'s own', async () => {
    const a = await makeOrg()
    const b = await makeOrg()
    const ta = await ticketIn(a, 'open')
    const tb = await ticketIn(b, 'open')
    const reply = await addComment(a.agent, { number: ta.number, body: 'The answer' })
    await expect(markSolution(b.admin, { number: tb.number, commentId: reply.id })).rejects.toBeInstanceOf(NotFoundError)
  })
})

describe('membership is the gate', () => {
  it('loadCtx refuses a non-member and an unknown organisation', async () => {
    const a = await makeOrg()
    const b = await makeOrg()
    await expect(loadCtx(a.db, b.admin.user.id, a.org.slug)).rejects.toBeInstanceOf(ForbiddenError)
    await expect(loadCtx(a.db, a.admin.user.id, `nope-${uid()}`)).rejects.toBeInstanceOf(ForbiddenError)
  })

  it('someone who is admin in A and requester in B acts as a requester in B', async () => {
    const a = await makeOrg()
    const b = await makeOrg()
    await addMember(b.admin, { email: a.admin.user.email, role: 'requester' })
    const inB = await loadCtx(b.db, a.admin.user.id, b.org.slug)
    expect(inB).toMatchObject({ role: 'requester', org: { id: b.org.id } })
    const other = await ticketIn(b, 'new')
    await expect(getTicketDetail(inB, other.number)).rejects.toBeInstanceOf(NotFoundError)
    await expect(deleteTicket(inB, { number: other.number })).rejects.toBeInstanceOf(ForbiddenError)
    expect(await countTickets(inB, {})).toBe(0)
  })
})

describe('queues and team counts (§6)', () => {
  async function setup() {
    const o = await makeOrg()
    const liaison = await makeTeam(o, { restricted: true, members: [o.agent2], name: 'Liaison' })
    const desk = await makeTeam(o, { members: [o.agent], strategy: 'manual', name: 'Desk' })
    await saveRule(o.admin, { name: 'Everything', teamId: desk.id })
    // Routed to Liaison (rules for open teams are passed over) and handed to its member.
    const secret = await createTicket(o.requester, { title: 'Help me', description: 'Private', categoryId: category(o, 'Sensitive') })
    // Waiting in the Liaison queue with nobody on it.
    const waiting = await ticketIn(o, 'new', { sensitive: true, by: o.requester })
    await assignTicket(o.admin, { number: waiting.number, teamId: liaison.id, assigneeId: null })
    const plain = await createTicket(o.requester2, { title: 'Printer', description: 'Jams', categoryId: category(o, 'General') })
    const cleared = await o.reload(o.agent2)
    return { o, liaison, desk, secret, waiting, plain, cleared }
  }
  const queue = (ctx: Parameters<typeof listTickets>[0], q: object) => numbers(ctx, q)

  it('an agent without clearance finds sensitive tickets in no queue, filter or count', async () => {
    const { o, liaison, desk, secret, waiting, plain } = await setup()
    expect(secret).toMatchObject({ teamId: liaison.id, assigneeId: o.agent2.user.id })
    const counts = await queueCounts(o.agent)
    // The restricted team is not even listed: its name and a zero would say sensitive work exists.
    expect(counts.teams.map((t) => [t.name, t.count])).toEqual([['Desk', 1]])
    expect(counts.unassigned).toBe(1)
    expect(counts.mine).toBe(0)
    expect(await queue(o.agent, { queue: `team:${liaison.id}` })).toEqual([])
    expect(await queue(o.agent, { team: liaison.id })).toEqual([])
    expect(await queue(o.agent, { queue: 'unassigned' })).toEqual([plain.number])
    expect(await queue(o.agent, { queue: `team:${desk.id}` })).toEqual([plain.number])
    expect(await countTickets(o.agent, { queue: `team:${liaison.id}` })).toBe(0)
    expect(await queue(o.agent, { assignee: o.agent2.user.id })).toEqual([])
    // The counts agree with the lists they link to.
    expect(counts.unassigned).toBe(await countTickets(o.agent, { queue: 'unassigned' }))
    expect(waiting.number).toBeGreaterThan(0)
  })

  it('the cleared liaison and an admin see them in the Liaison queue, My work and Unassigned', async () => {
    const { o, liaison, secret, waiting, plain, cleared } = await setup()
    const counts = await queueCounts(cleared)
    expect(counts.teams.map((t) => [t.name, t.count])).toEqual([['Liaison', 2], ['Desk', 1]])
    expect(counts).toMatchObject({ mine: 1, unassigned: 2 })
    expect(await queue(cleared, { queue: `team:${liaison.id}` })).toEqual([secret.number, waiting.number])
    expect(await queue(cleared, { queue: 'mine' })).toEqual([secret.number])
    expect(await queue(cleared, { queue: 'unassigned' })).toEqual([waiting.number, plain.number])
    expect((await queueCounts(o.admin)).teams.find((t) => t.id === liaison.id)?.count).toBe(2)
  })

  it('a requester has no queues; their list only ever holds their own tickets, whatever the queue', async () => {
    const { o, liaison, secret, waiting, plain } = await setup()
    await expect(queueCounts(o.requester)).rejects.toBeInstanceOf(ForbiddenError)
    expect(await queue(o.requester2, { queue: `team:${liaison.id}` })).toEqual([])
    expect(await queue(o.requester2, { queue: 'unassigned' })).toEqual([plain.number])
    expect(await queue(o.requester, { queue: `team:${liaison.id}` })).toEqual([secret.number, waiting.number])
  })

  it('another organisation sees none of it, even with the team id in the URL', async () => {
    const { liaison, desk } = await setup()
    const b = await makeOrg()
    for (const ctx of [b.admin, b.agent]) {
      for (const q of [{ queue: `team:${liaison.id}` }, { team: desk.id }, { queue: 'unassigned' }, { queue: 'mine' }]) {
        expect(await queue(ctx, q), JSON.stringify(q)).toEqual([])
      }
      expect(await queueCounts(ctx)).toEqual({ open: 0, mine: 0, unassigned: 0, teams: [] })
    }
  })

  it('a big desk counts my teams and the open queue only; the counts still go through visibility', async () => {
    const { o, liaison, desk } = await setup()
    for (let i = 0; i < COUNT_ALL_TEAMS_UP_TO; i++) await makeTeam(o, { name: `Extra ${i}` })
    // Desk and the extra teams; the restricted Liaison team is not listed to an uncleared agent.
    const counts = await queueCounts(o.agent)
    expect(counts.teams).toHaveLength(COUNT_ALL_TEAMS_UP_TO + 1)
    expect(counts.teams.filter((t) => t.count !== null).map((t) => [t.name, t.count])).toEqual([['Desk', 1]])
    // Opening another team's queue counts it.
    const extra = counts.teams.find((t) => t.name === 'Extra 0')!
    const open = await queueCounts(o.agent, { current: `team:${extra.id}` })
    expect(open.teams.filter((t) => t.count !== null).map((t) => [t.name, t.count])).toEqual([['Desk', 1], ['Extra 0', 0]])
    // Naming the Liaison queue does not bring it in.
    expect((await queueCounts(o.agent, { current: `team:${liaison.id}` })).teams.some((t) => t.id === liaison.id)).toBe(false)
    expect((await queueCounts(o.admin, { current: `team:${liaison.id}` })).teams.find((t) => t.id === liaison.id)?.count).toBe(2)
    expect((await queueCounts(o.admin)).teams.find((t) => t.id === desk.id)?.count).toBeNull()
  })
})
