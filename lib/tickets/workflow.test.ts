import { describe, expect, it } from 'vitest'
import { allowedTargets, checkTransition, statusLabels, type Capacity, type TicketStatus } from './workflow'

const statuses: TicketStatus[] = ['new', 'open', 'in_progress', 'pending', 'on_hold', 'resolved', 'closed', 'cancelled']
const capacities: Capacity[] = ['admin', 'agent', 'assignee', 'requester', 'system']

/**
 * SPEC §4 copied by hand, row for row, so this test fails if workflow.ts drifts from
 * the spec (it must not be derived from `transitions`). `system` is the app acting on
 * its own: first assignment, requester reply on pending, auto-close.
 */
const spec: { from: TicketStatus[]; to: TicketStatus; who: Capacity[]; note?: boolean }[] = [
  { from: ['new'], to: 'open', who: ['agent', 'admin', 'system'] },
  { from: ['new', 'open', 'pending', 'on_hold'], to: 'in_progress', who: ['assignee', 'admin', 'system'] },
  { from: ['in_progress'], to: 'pending', who: ['assignee', 'admin'] },
  { from: ['in_progress'], to: 'on_hold', who: ['assignee', 'admin'] },
  { from: ['in_progress'], to: 'resolved', who: ['assignee', 'admin'], note: true },
  { from: ['resolved'], to: 'closed', who: ['admin', 'system', 'requester'] },
  { from: ['resolved'], to: 'open', who: ['requester', 'agent', 'admin'] },
  { from: ['closed'], to: 'open', who: ['admin'] },
  { from: ['new'], to: 'cancelled', who: ['admin', 'requester'], note: true },
  // A requester may cancel only while the ticket is new.
  { from: ['open'], to: 'cancelled', who: ['admin'], note: true },
]

const allowedBySpec = (from: TicketStatus, to: TicketStatus, c: Capacity) =>
  spec.some((r) => r.to === to && r.from.includes(from) && r.who.includes(c))

const one = (c: Capacity) => new Set<Capacity>([c])

describe('§4 transition table', () => {
  const rows = spec.flatMap((r) => r.from.map((from) => ({ from, to: r.to, who: r.who, note: !!r.note })))

  it.each(rows)('$from → $to is allowed for $who and refused for everyone else', ({ from, to, who, note }) => {
    for (const c of capacities) {
      const check = checkTransition(from, to, one(c))
      expect(check.ok, `${c}: ${from} → ${to}`).toBe(who.includes(c))
      if (check.ok) expect(!!check.noteRequired, `note required for ${from} → ${to}`).toBe(note)
    }
  })

  it('refuses every pair the table does not list, for every capacity', () => {
    let refused = 0
    for (const from of statuses) for (const to of statuses) for (const c of capacities) {
      const ok = checkTransition(from, to, one(c)).ok
      expect(ok, `${c}: ${from} → ${to}`).toBe(allowedBySpec(from, to, c))
      if (!ok) refused++
    }
    // Sanity: the exhaustive sweep really ran over the whole space.
    expect(refused).toBeGreaterThan(250)
  })

  it('lets nobody leave cancelled, and only an admin leave closed', () => {
    const all = new Set(capacities)
    expect(allowedTargets('cancelled', all)).toEqual([])
    for (const c of capacities) expect(allowedTargets('closed', one(c))).toEqual(c === 'admin' ? ['open'] : [])
  })

  it('a requester may cancel only while the ticket is new', () => {
    expect(checkTransition('new', 'cancelled', one('requester'))).toEqual({ ok: true, noteRequired: 'A reason is required' })
    for (const from of statuses.filter((s) => s !== 'new')) {
      expect(checkTransition(from, 'cancelled', one('requester')).ok, from).toBe(false)
    }
    // Even a requester who is also staff on their own ticket can't cancel an open one unless they are admin.
    expect(checkTransition('open', 'cancelled', new Set<Capacity>(['requester', 'agent', 'assignee'])).ok).toBe(false)
    expect(checkTransition('open', 'cancelled', new Set<Capacity>(['requester', 'admin'])).ok).toBe(true)
  })

  it('requires a note to resolve and to cancel, and nowhere else', () => {
    expect(checkTransition('in_progress', 'resolved', one('assignee'))).toEqual({ ok: true, noteRequired: 'A resolution note is required' })
    expect(checkTransition('open', 'cancelled', one('admin'))).toEqual({ ok: true, noteRequired: 'A reason is required' })
    for (const from of statuses) for (const to of statuses) {
      const check = checkTransition(from, to, new Set(capacities))
      if (check.ok && to !== 'resolved' && to !== 'cancelled') expect(check.noteRequired, `${from} → ${to}`).toBeUndefined()
    }
  })

  it('combined capacities allow the union of their moves', () => {
    const agentAssignee = new Set<Capacity>(['agent', 'assignee'])
    expect(allowedTargets('new', agentAssignee)).toEqual(['open', 'in_progress'])
    expect(allowedTargets('in_progress', agentAssignee)).toEqual(['pending', 'on_hold', 'resolved'])
    expect(allowedTargets('resolved', agentAssignee)).toEqual(['open'])
  })
})

describe('allowed targets per actor', () => {
  it.each([
    ['admin', 'new', ['open', 'in_progress', 'cancelled']],
    ['agent', 'new', ['open']],
    ['requester', 'new', ['cancelled']],
    ['assignee', 'open', ['in_progress']],
    ['agent', 'open', []],
    ['requester', 'open', []],
    ['assignee', 'in_progress', ['pending', 'on_hold', 'resolved']],
    ['agent', 'in_progress', []],
    ['assignee', 'pending', ['in_progress']],
    ['assignee', 'on_hold', ['in_progress']],
    ['requester', 'resolved', ['closed', 'open']],
    ['agent', 'resolved', ['open']],
    ['admin', 'resolved', ['closed', 'open']],
    ['admin', 'closed', ['open']],
  ] as [Capacity, TicketStatus, TicketStatus[]][])('%s from %s → %j', (c, from, expected) => {
    // Order is presentational (buttons); the set is the rule.
    expect(allowedTargets(from, one(c)).sort()).toEqual([...expected].sort())
  })
})

describe('refusal message', () => {
  it('names the attempted move and exactly the allowed targets', () => {
    const check = checkTransition('new', 'resolved', one('admin'))
    expect(check.ok).toBe(false)
    if (check.ok) return
    expect(check.message).toContain('from New to Resolved')
    expect(check.message).toContain('Allowed from New: Open, In progress, Cancelled.')
  })

  it('says "none" when the actor may not move the ticket at all', () => {
    const check = checkTransition('in_progress', 'resolved', one('requester'))
    expect(check).toEqual({ ok: false, message: 'You cannot move a ticket from In progress to Resolved. Allowed from In progress: none.' })
  })

  it('never lists a status the actor could not actually reach', () => {
    for (const from of statuses) for (const c of capacities) {
      const check = checkTransition(from, from, one(c)) // staying put is never a transition
      expect(check.ok).toBe(false)
      if (check.ok) continue
      const listed = check.message.split(': ').pop()!.replace(/\.$/, '')
      const expected = allowedTargets(from, one(c)).map((s) => statusLabels[s]).join(', ') || 'none'
      expect(listed).toBe(expected)
      for (const s of statuses) {
        if (!allowedBySpec(from, s, c)) expect(allowedTargets(from, one(c))).not.toContain(s)
      }
    }
  })
})
