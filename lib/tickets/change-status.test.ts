import { describe, expect, it } from 'vitest'
import type { TicketStatus } from '@/db/schema'
import { ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors'
import { makeOrg, type TestOrg } from '@/test/factory'
import { auditCount, fieldErrorsOf, historyOf, rowOf, ticketIn } from '@/test/tickets'
import { assignTicket } from './assign-ticket'
import { changeStatus } from './change-status'

type Actor = 'admin' | 'assignee' | 'agent' | 'requester' | 'requester2' | 'outsider'
type Outcome = 'ok' | 'forbidden' | 'notfound'

/**
 * Every §4 move through the domain function, by every kind of person. `assignee` is the
 * agent the ticket is assigned to; `agent` is another agent of the org; `outsider` is the
 * admin of another organisation. Expected outcomes are written out, not derived.
 */
const cases: [TicketStatus, TicketStatus, Actor, Outcome][] = [
  ['new', 'open', 'admin', 'ok'], ['new', 'open', 'agent', 'ok'], ['new', 'open', 'requester', 'forbidden'],
  ['new', 'open', 'requester2', 'notfound'], ['new', 'open', 'outsider', 'notfound'],
  ['new', 'in_progress', 'admin', 'ok'], ['new', 'in_progress', 'agent', 'forbidden'], ['new', 'in_progress', 'requester', 'forbidden'],
  ['open', 'in_progress', 'assignee', 'ok'], ['open', 'in_progress', 'admin', 'ok'], ['open', 'in_progress', 'agent', 'forbidden'],
  ['open', 'in_progress', 'requester', 'forbidden'], ['open', 'in_progress', 'outsider', 'notfound'],
  ['pending', 'in_progress', 'assignee', 'ok'], ['pending', 'in_progress', 'admin', 'ok'], ['pending', 'in_progress', 'agent', 'forbidden'],
  ['pending', 'in_progress', 'requester', 'forbidden'],
  ['on_hold', 'in_progress', 'assignee', 'ok'], ['on_hold', 'in_progress', 'admin', 'ok'], ['on_hold', 'in_progress', 'agent', 'forbidden'],
  ['on_hold', 'in_progress', 'requester', 'forbidden'],
  ['in_progress', 'pending', 'assignee', 'ok'], ['in_progress', 'pending', 'admin', 'ok'], ['in_progress', 'pending', 'agent', 'forbidden'],
  ['in_progress', 'pending', 'requester', 'forbidden'],
  ['in_progress', 'on_hold', 'assignee', 'ok'], ['in_progress', 'on_hold', 'admin', 'ok'], ['in_progress', 'on_hold', 'agent', 'forbidden'],
  ['in_progress', 'on_hold', 'requester', 'forbidden'],
  ['in_progress', 'resolved', 'assignee', 'ok'], ['in_progress', 'resolved', 'admin', 'ok'], ['in_progress', 'resolved', 'agent', 'forbidden'],
  ['in_progress', 'resolved', 'requester', 'forbidden'], ['in_progress', 'resolved', 'requester2', 'notfound'], ['in_progress', 'resolved', 'outsider', 'notfound'],
  ['resolved', 'closed', 'admin', 'ok'], ['resolved', 'closed', 'requester', 'ok'], ['resolved', 'closed', 'assignee', 'forbidden'],
  ['resolved', 'closed', 'agent', 'forbidden'], ['resolved', 'closed', 'requester2', 'notfound'],
  ['resolved', 'open', 'requester', 'ok'], ['resolved', 'open', 'agent', 'ok'], ['resolved', 'open', 'assignee', 'ok'], ['resolved', 'open', 'admin', 'ok'],
  ['resolved', 'open', 'outsider', 'notfound'],
  ['closed', 'open', 'admin', 'ok'], ['closed', 'open', 'assignee', 'forbidden'], ['closed', 'open', 'agent', 'forbidden'], ['closed', 'open', 'requester', 'forbidden'],
  ['new', 'cancelled', 'admin', 'ok'], ['new', 'cancelled', 'requester', 'ok'], ['new', 'cancelled', 'agent', 'forbidden'], ['new', 'cancelled', 'requester2', 'notfound'],
  ['open', 'cancelled', 'admin', 'ok'], ['open', 'cancelled', 'requester', 'forbidden'], ['open', 'cancelled', 'assignee', 'forbidden'], ['open', 'cancelled', 'agent', 'forbidden'],
  // Moves §4 does not list at all.
  ['new', 'resolved', 'admin', 'forbidden'], ['new', 'closed', 'admin', 'forbidden'], ['pending', 'resolved', 'assignee', 'forbidden'],
  ['closed', 'in_progress', 'admin', 'forbidden'], ['cancelled', 'open', 'admin', 'forbidden'], ['on_hold', 'pending', 'admin', 'forbidden'],
]

async function actorCtx(o: TestOrg, who: Actor) {
  switch (who) {
    case 'admin': return o.admin
    case 'assignee': return o.agent
    case 'agent': return o.agent2
    case 'requester': return o.requester
    case 'requester2': return o.requester2
    case 'outsider': return (await makeOrg()).admin
  }
}

describe('changeStatus by role', () => {
  // One org per move; each actor gets a fresh ticket in the starting status.
  const byMove = new Map<string, { from: TicketStatus; to: TicketStatus; actors: [Actor, Outcome][] }>()
  for (const [from, to, who, outcome] of cases) {
    const key = `${from} → ${to}`
    if (!byMove.has(key)) byMove.set(key, { from, to, actors: [] })
    byMove.get(key)!.actors.push([who, outcome])
  }

  it.each([...byMove.entries()].map(([key, m]) => ({ key, ...m, who: m.actors.map(([w, x]) => `${w}:${x}`).join(' ') })))(
    '$key — $who', async ({ from, to, actors }) => {
      const o = await makeOrg()
      for (const [who, outcome] of actors) {
        const label = `${from} → ${to} by ${who}`
        const t = await ticketIn(o, from)
        const ctx = await actorCtx(o, who)
        const before = { history: (await historyOf(o, t.id)).length, events: await auditCount(o, 'ticket.status_changed', t.id) }
        const note = to === 'resolved' || to === 'cancelled' ? 'Because reasons' : undefined
        const err = await changeStatus(ctx, { number: t.number, to, note }).then(() => null, (e: unknown) => e)

        if (outcome === 'ok') {
          expect(err, label).toBeNull()
          expect((await rowOf(o, t.number)).status, label).toBe(to)
          const [last] = await historyOf(o, t.id)
          expect(last, label).toMatchObject({ fromStatus: from, toStatus: to, actorId: ctx.user.id, actorRole: ctx.role, note: note ?? null })
          expect(await auditCount(o, 'ticket.status_changed', t.id), label).toBe(before.events + 1)
          continue
        }
        if (outcome === 'forbidden') {
          expect(err, label).toBeInstanceOf(ForbiddenError)
          // The refusal names what *is* allowed from here.
          expect((err as Error).message, label).toMatch(/Allowed from .+: .+\.$/)
        } else {
          expect(err, label).toBeInstanceOf(NotFoundError)
        }
        expect((await rowOf(o, t.number)).status, label).toBe(from)
        expect((await historyOf(o, t.id)).length, label).toBe(before.history)
        expect(await auditCount(o, 'ticket.status_changed', t.id), label).toBe(before.events)
      }
    })
})

describe('required notes', () => {
  it.each([
    ['in_progress', 'resolved', 'A resolution note is required'],
    ['new', 'cancelled', 'A reason is required'],
    ['open', 'cancelled', 'A reason is required'],
  ] as const)('%s → %s without a note is a ValidationError on the note field', async (from, to, message) => {
    const o = await makeOrg()
    const t = await ticketIn(o, from)
    for (const note of [undefined, '', '   ']) {
      const err = await changeStatus(o.admin, { number: t.number, to, note }).catch((e: unknown) => e)
      expect(err).toBeInstanceOf(ValidationError)
      expect((err as ValidationError).fieldErrors).toEqual({ note: [message] })
    }
    expect((await rowOf(o, t.number)).status).toBe(from)
  })

  it('the requester cancelling their own new ticket must give a reason too', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'new')
    expect(await fieldErrorsOf(changeStatus(o.requester, { number: t.number, to: 'cancelled' }))).toEqual({ note: ['A reason is required'] })
    await changeStatus(o.requester, { number: t.number, to: 'cancelled', note: 'Sorted it myself' })
    expect((await rowOf(o, t.number)).status).toBe('cancelled')
  })

  it('a move that is not allowed is refused before the missing note is mentioned', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'in_progress')
    await expect(changeStatus(o.agent2, { number: t.number, to: 'resolved' })).rejects.toBeInstanceOf(ForbiddenError)
  })

  it('moving to the current status is a ValidationError, not a silent no-op', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'open')
    const err = await changeStatus(o.admin, { number: t.number, to: 'open' }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ValidationError)
    expect((err as ValidationError).fieldErrors).toHaveProperty('to')
  })
})

describe('timestamps and automatic moves', () => {
  it('first assignment of a new ticket opens it, recorded as a status change by the assigner', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'new')
    await assignTicket(o.agent, { number: t.number, assigneeId: o.agent2.user.id })
    const row = await rowOf(o, t.number)
    expect(row).toMatchObject({ status: 'open', assigneeId: o.agent2.user.id })
    const [last] = await historyOf(o, t.id)
    expect(last).toMatchObject({ fromStatus: 'new', toStatus: 'open', actorId: o.agent.user.id, note: 'Opened on assignment' })
    // Re-assigning an already open ticket changes no status.
    await assignTicket(o.agent, { number: t.number, assigneeId: o.agent.user.id, reason: 'Taking over' })
    expect((await historyOf(o, t.id)).length).toBe(2)
  })

  it('assigning a ticket that is past new leaves its status alone', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'pending')
    await assignTicket(o.admin, { number: t.number, assigneeId: o.agent2.user.id, reason: 'Agent is away' })
    expect((await rowOf(o, t.number)).status).toBe('pending')
  })

  it('in_progress sets first_response_at once; later moves keep the first value', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'open')
    expect((await rowOf(o, t.number)).firstResponseAt).toBeNull()
    await changeStatus(o.agent, { number: t.number, to: 'in_progress' })
    const first = (await rowOf(o, t.number)).firstResponseAt
    expect(first).toBeInstanceOf(Date)
    await changeStatus(o.agent, { number: t.number, to: 'on_hold' })
    await new Promise((r) => setTimeout(r, 5))
    await changeStatus(o.agent, { number: t.number, to: 'in_progress' })
    expect((await rowOf(o, t.number)).firstResponseAt).toEqual(first)
  })

  it('resolve sets resolved_at, close sets closed_at, reopen clears both', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'resolved')
    expect((await rowOf(o, t.number)).resolvedAt).toBeInstanceOf(Date)
    await changeStatus(o.requester, { number: t.number, to: 'closed' })
    expect((await rowOf(o, t.number)).closedAt).toBeInstanceOf(Date)
    await changeStatus(o.admin, { number: t.number, to: 'open' })
    expect(await rowOf(o, t.number)).toMatchObject({ status: 'open', resolvedAt: null, closedAt: null })
  })

  it('a ticket leaves cancelled for nobody', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'cancelled')
    for (const to of ['new', 'open', 'in_progress', 'resolved', 'closed'] as const) {
      await expect(changeStatus(o.admin, { number: t.number, to, note: 'x' })).rejects.toBeInstanceOf(ForbiddenError)
    }
  })
})
