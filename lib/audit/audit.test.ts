import { describe, expect, it } from 'vitest'
import { and, count, eq, sql } from 'drizzle-orm'
import { auditEvents, auditHeads, tickets } from '@/db/schema'
import type { Db } from '@/db/client'
import { addComment } from '@/lib/comments/add-comment'
import { markSolution } from '@/lib/comments/mark-solution'
import { ForbiddenError } from '@/lib/errors'
import { addMember, changeRole, setMemberActive } from '@/lib/members/members'
import { assignTicket } from '@/lib/tickets/assign-ticket'
import { changeStatus } from '@/lib/tickets/change-status'
import { createTicket } from '@/lib/tickets/create-ticket'
import { deleteTicket, restoreTicket } from '@/lib/tickets/delete-ticket'
import { updateTicket } from '@/lib/tickets/update-ticket'
import { makeOrg, uid, type TestOrg } from '@/test/factory'
import { ticketIn } from '@/test/tickets'
import { listAuditEvents } from './list-events'
import { verifyOrgChain } from './verify'

async function actions(o: TestOrg) {
  const rows = await o.db.select({ action: auditEvents.action, n: count() }).from(auditEvents)
    .where(eq(auditEvents.organizationId, o.org.id)).groupBy(auditEvents.action)
  return Object.fromEntries(rows.map((r) => [r.action, r.n]))
}

/** Runs `fn` inside a transaction that is always rolled back, so a tampered row is never seen by anyone else. */
async function inRolledBackTx<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  let out: T
  const rollback = new Error('rollback')
  await db.transaction(async (tx) => {
    out = await fn(tx as unknown as Db)
    throw rollback
  }).catch((e) => { if (e !== rollback) throw e })
  return out!
}

describe('every mutation writes its audit event', () => {
  it('one event per action, counted after a run through the domain functions', async () => {
    const o = await makeOrg()
    const before = await actions(o)
    expect(before).toEqual({ 'organization.created': 1, 'member.added': 5, 'category.created': 2 })

    const t = await createTicket(o.requester, { title: 'Wifi down', description: 'Floor 2' })
    await assignTicket(o.agent, { number: t.number, assigneeId: o.agent.user.id }) // + auto-open
    await changeStatus(o.agent, { number: t.number, to: 'in_progress' })
    const reply = await addComment(o.agent, { number: t.number, body: 'Rebooting the AP' })
    await addComment(o.agent, { number: t.number, body: 'AP firmware is old', internal: true })
    await markSolution(o.agent, { number: t.number, commentId: reply.id })
    await updateTicket(o.agent, { number: t.number, title: 'Wifi down on floor 2', description: 'Floor 2', priority: 'high' })
    await changeStatus(o.agent, { number: t.number, to: 'resolved', note: 'AP rebooted' })
    await assignTicket(o.admin, { number: t.number, assigneeId: null })
    await deleteTicket(o.admin, { number: t.number })
    await restoreTicket(o.admin, { number: t.number })
    const m = await addMember(o.admin, { email: `m-${uid()}@t.test`, role: 'requester' })
    await changeRole(o.admin, { userId: m.id, role: 'agent' })
    await setMemberActive(o.admin, { userId: m.id, active: false })
    await setMemberActive(o.admin, { userId: m.id, active: true })

    expect(await actions(o)).toEqual({
      ...before,
      'member.added': 6,
      'ticket.created': 1, 'ticket.assigned': 1, 'ticket.unassigned': 1,
      'ticket.status_changed': 3, // open (on assignment), in_progress, resolved
      'comment.added': 1, 'comment.internal_added': 1, 'comment.marked_solution': 1,
      'ticket.updated': 1, 'ticket.deleted': 1, 'ticket.restored': 1,
      'member.role_changed': 1, 'member.deactivated': 1, 'member.reactivated': 1,
    })
    const [created] = await o.db.select().from(auditEvents)
      .where(and(eq(auditEvents.organizationId, o.org.id), eq(auditEvents.action, 'ticket.created')))
    expect(created).toMatchObject({ actorId: o.requester.user.id, actorRole: 'requester', entityType: 'ticket', entityId: t.id })
    expect(created.changes).toMatchObject({ number: [null, 1], title: [null, 'Wifi down'] })
    expect((await verifyOrgChain(o.db, o.org)).ok).toBe(true)
  })

  it('refused or invalid actions write no event', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'new')
    const before = await actions(o)
    await changeStatus(o.requester, { number: t.number, to: 'resolved', note: 'x' }).catch(() => {})
    await changeStatus(o.admin, { number: t.number, to: 'cancelled' }).catch(() => {})
    await assignTicket(o.admin, { number: t.number, assigneeId: o.requester.user.id }).catch(() => {})
    await deleteTicket(o.agent, { number: t.number }).catch(() => {})
    await createTicket(o.requester, { title: '', description: '' }).catch(() => {})
    expect(await actions(o)).toEqual(before)
  })

  it('the change and its event commit together: when the event cannot be written, the change is rolled back', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'new')
    const [head] = await o.db.select().from(auditHeads).where(eq(auditHeads.organizationId, o.org.id))
    // Break the chain's head so recordAudit throws inside the domain transaction.
    await o.db.delete(auditHeads).where(eq(auditHeads.organizationId, o.org.id))
    try {
      await expect(createTicket(o.requester, { title: 'Lost?', description: 'x' })).rejects.toThrow(/audit head missing/)
      await expect(changeStatus(o.agent, { number: t.number, to: 'open' })).rejects.toThrow(/audit head missing/)
      await expect(assignTicket(o.admin, { number: t.number, assigneeId: o.agent.user.id })).rejects.toThrow(/audit head missing/)
    } finally {
      await o.db.insert(auditHeads).values(head)
    }
    const rows = await o.db.select().from(tickets).where(eq(tickets.organizationId, o.org.id))
    expect(rows.map((r) => ({ number: r.number, status: r.status, assigneeId: r.assigneeId }))).toEqual([{ number: 1, status: 'new', assigneeId: null }])
    // The number taken by the failed creation was given back.
    expect((await createTicket(o.requester, { title: 'Next', description: 'x' })).number).toBe(2)
    expect((await verifyOrgChain(o.db, o.org)).ok).toBe(true)
  })

  it('concurrent writers in one org still form one unbroken chain', async () => {
    const o = await makeOrg()
    await Promise.all(Array.from({ length: 20 }, (_, i) => createTicket(i % 2 ? o.requester : o.requester2, { title: `T${i}`, description: 'x' })))
    const report = await verifyOrgChain(o.db, o.org)
    expect(report).toMatchObject({ ok: true, checked: 8 + 20 })
  })
})

describe('tamper evidence', () => {
  it('a fresh org verifies', async () => {
    const o = await makeOrg()
    expect(await verifyOrgChain(o.db, o.org)).toEqual({ organizationId: o.org.id, slug: o.org.slug, checked: 8, ok: true })
  })

  it('editing an event\'s changes is caught at exactly that seq', async () => {
    const o = await makeOrg()
    await ticketIn(o, 'in_progress')
    const report = await inRolledBackTx(o.db, async (tx) => {
      await tx.execute(sql`update audit_events set changes = jsonb_set(changes, '{title,1}', '"Nothing to see"')
        where organization_id = ${o.org.id} and seq = 9`)
      return verifyOrgChain(tx, o.org)
    })
    expect(report).toMatchObject({ ok: false, checked: 8, brokenAt: { seq: 9, reason: 'content does not match its hash (edited)' } })
    // Rolled back: the real chain is intact.
    expect((await verifyOrgChain(o.db, o.org)).ok).toBe(true)
  })

  it('editing the actor, or re-hashing an edited event, is caught too', async () => {
    const o = await makeOrg()
    await ticketIn(o, 'open')
    const actor = await inRolledBackTx(o.db, async (tx) => {
      await tx.execute(sql`update audit_events set actor_id = ${o.agent2.user.id} where organization_id = ${o.org.id} and seq = 10`)
      return verifyOrgChain(tx, o.org)
    })
    expect(actor.brokenAt?.seq).toBe(10)
    // A forger who also fixes that event's hash breaks the link from the next one.
    const rehashed = await inRolledBackTx(o.db, async (tx) => {
      await tx.execute(sql`update audit_events set hash = repeat('0', 64) where organization_id = ${o.org.id} and seq = 9`)
      return verifyOrgChain(tx, o.org)
    })
    expect(rehashed.brokenAt?.seq).toBe(9)
  })

  it('deleting an event, or the newest events, is caught', async () => {
    const o = await makeOrg()
    await ticketIn(o, 'in_progress')
    const middle = await inRolledBackTx(o.db, async (tx) => {
      await tx.execute(sql`delete from audit_events where organization_id = ${o.org.id} and seq = 5`)
      return verifyOrgChain(tx, o.org)
    })
    expect(middle).toMatchObject({ ok: false, brokenAt: { seq: 5, reason: 'event 5 is missing' } })
    const [{ last }] = await o.db.select({ last: sql<number>`max(${auditEvents.seq})::int` }).from(auditEvents).where(eq(auditEvents.organizationId, o.org.id))
    const tail = await inRolledBackTx(o.db, async (tx) => {
      await tx.execute(sql`delete from audit_events where organization_id = ${o.org.id} and seq = ${last}`)
      return verifyOrgChain(tx, o.org)
    })
    expect(tail).toMatchObject({ ok: false, brokenAt: { seq: last } })
    expect(tail.brokenAt?.reason).toMatch(/events removed/)
  })

  it('another org\'s chain is unaffected by tampering here', async () => {
    const a = await makeOrg()
    const b = await makeOrg()
    const [ra, rb] = await inRolledBackTx(a.db, async (tx) => {
      await tx.execute(sql`update audit_events set action = 'x' where organization_id = ${a.org.id} and seq = 1`)
      return [await verifyOrgChain(tx, a.org), await verifyOrgChain(tx, b.org)]
    })
    expect(ra.brokenAt?.seq).toBe(1)
    expect(rb.ok).toBe(true)
  })
})

describe('listAuditEvents', () => {
  it('is admin-only', async () => {
    const o = await makeOrg()
    for (const ctx of [o.agent, o.requester]) await expect(listAuditEvents(ctx, {})).rejects.toBeInstanceOf(ForbiddenError)
  })

  it('shows only this org, newest first, and filters by entity, action prefix, actor and date', async () => {
    const o = await makeOrg()
    const other = await makeOrg()
    await ticketIn(other, 'open')
    const t = await ticketIn(o, 'in_progress')
    await addComment(o.agent, { number: t.number, body: 'hi' })

    const all = await listAuditEvents(o.admin, {})
    expect(all.rows.every((r) => r.e.organizationId === o.org.id)).toBe(true)
    const seqs = all.rows.map((r) => r.e.seq)
    expect(seqs).toEqual([...seqs].sort((x, y) => y - x))
    expect(seqs[0]).toBe(all.rows.length) // 1..n, nothing missing, nothing foreign
    expect(all.rows[0]).toMatchObject({ e: { action: 'comment.added' }, actor: o.agent.user.name })

    const ticketEvents = await listAuditEvents(o.admin, { entity: 'ticket' })
    expect(new Set(ticketEvents.rows.map((r) => r.e.action))).toEqual(new Set(['ticket.created', 'ticket.assigned', 'ticket.status_changed']))
    const status = await listAuditEvents(o.admin, { action: 'ticket.status' })
    expect(status.rows.map((r) => r.e.changes.status)).toEqual([['open', 'in_progress'], ['new', 'open']])
    // The action filter is a prefix match with LIKE wildcards escaped.
    expect((await listAuditEvents(o.admin, { action: 'ticket_%' })).rows).toEqual([])
    const byAgent = await listAuditEvents(o.admin, { actor: o.agent.user.id })
    expect(byAgent.rows.map((r) => r.e.action)).toEqual(['comment.added', 'ticket.status_changed'])
    const today = new Date().toISOString().slice(0, 10)
    expect((await listAuditEvents(o.admin, { from: today, to: today })).rows.length).toBe(all.rows.length)
    expect((await listAuditEvents(o.admin, { to: '2000-01-01' })).rows).toEqual([])
    // Days are the viewer's (issue 18): at any moment one of these zones is on another date than UTC.
    for (const timeZone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
      const local = new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date())
      expect((await listAuditEvents(o.admin, { from: local, to: local }, { timeZone })).rows.length).toBe(all.rows.length)
      const dayBefore = new Date(Date.parse(local) - 86_400_000).toISOString().slice(0, 10)
      expect((await listAuditEvents(o.admin, { to: dayBefore }, { timeZone })).rows).toEqual([])
    }
    // From after To is an error next to To, not a silently empty list.
    const backwards = await listAuditEvents(o.admin, { from: '2026-03-02', to: '2026-03-01' })
    expect(backwards.fieldErrors?.to?.[0]).toMatch(/on or after/)
    expect(all.fieldErrors).toBeNull()
    // Nonsense filters are ignored rather than failing.
    expect((await listAuditEvents(o.admin, { actor: 'nope', from: 'yesterday', before: -3 })).rows.length).toBe(all.rows.length)
  })

  it('pages by seq', async () => {
    const o = await makeOrg()
    await Promise.all(Array.from({ length: 50 }, (_, i) => createTicket(o.requester, { title: `T${i}`, description: 'x' })))
    const first = await listAuditEvents(o.admin, {})
    expect(first.rows).toHaveLength(50)
    expect(first.nextBefore).toBe(9)
    const second = await listAuditEvents(o.admin, { before: first.nextBefore })
    expect(second.rows.map((r) => r.e.seq)).toEqual([8, 7, 6, 5, 4, 3, 2, 1])
    expect(second.nextBefore).toBeNull()
  })
})
