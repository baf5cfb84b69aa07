import { and, asc, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { auditEvents, jobs, mailMessages, notifications, ticketWatchers } from '@/db/schema'
import { category, makeOrg, type TestOrg } from '@/test/factory'
import { auditCount, clear, fieldErrorsOf, rowOf, ticketIn } from '@/test/tickets'
import type { Ctx } from '@/lib/auth/ctx-type'
import { ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors'
import { drainJobs } from '@/lib/jobs/runner'
import { registerAllHandlers } from '@/lib/jobs/handlers'
import { addComment } from '@/lib/comments/add-comment'
import { assignTicket } from '@/lib/tickets/assign-ticket'
import { changeStatus } from '@/lib/tickets/change-status'
import { updateTicket } from '@/lib/tickets/update-ticket'
import { followTicket, unfollowTicket, watchState } from '@/lib/tickets/watchers'
import { addTicketCc, listTicketCc, removeTicketCc } from '@/lib/tickets/cc'
import { listNotifications } from './inbox'

// Issue 14: watchers hear of a ticket's events while they may see it; copied addresses
// get its public replies by email and nothing else. No SMTP_URL: delivered mail is kept
// in mail_messages, which is what these tests read.

beforeAll(() => {
  delete process.env.SMTP_URL
  registerAllHandlers()
})

const bellOf = async (o: TestOrg, ctx: Ctx, number: number) => (await o.db.select().from(notifications)
  .where(and(eq(notifications.organizationId, o.org.id), eq(notifications.userId, ctx.user.id), eq(notifications.ticketNumber, number))))
const mailTo = (o: TestOrg, address: string) => o.db.select().from(mailMessages)
  .where(and(eq(mailMessages.organizationId, o.org.id), eq(mailMessages.toAddress, address)))
const emailJobs = async (o: TestOrg) => (await o.db.select().from(jobs).where(and(eq(jobs.organizationId, o.org.id), eq(jobs.queue, 'email'))))
const edit = (t: { number: number; title: string; description: string; priority: 'low' | 'normal' | 'high' | 'urgent' }) =>
  ({ number: t.number, title: t.title, description: t.description, priority: t.priority })

describe('following a ticket', () => {
  it('staff who can see it follow and unfollow, once each; the audit log has both', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'open')
    expect(await followTicket(o.agent2, { number: t.number })).toEqual({ changed: true })
    expect(await followTicket(o.agent2, { number: t.number })).toEqual({ changed: false })
    await followTicket(o.admin, { number: t.number })
    expect(await watchState(o.agent2, t.id)).toEqual({ count: 2, following: true })
    expect(await watchState(o.agent, t.id)).toEqual({ count: 2, following: false })
    expect(await unfollowTicket(o.agent2, { number: t.number })).toEqual({ changed: true })
    expect(await unfollowTicket(o.agent2, { number: t.number })).toEqual({ changed: false })
    expect(await watchState(o.agent2, t.id)).toEqual({ count: 1, following: false })
    const events = await o.db.select().from(auditEvents)
      .where(and(eq(auditEvents.organizationId, o.org.id), eq(auditEvents.entityId, t.id))).orderBy(asc(auditEvents.seq))
    expect(events.filter((e) => e.action.startsWith('ticket.watcher_')).map((e) => [e.action, e.actorId, e.changes])).toEqual([
      ['ticket.watcher_added', o.agent2.user.id, { watcher: [null, o.agent2.user.id] }],
      ['ticket.watcher_added', o.admin.user.id, { watcher: [null, o.admin.user.id] }],
      ['ticket.watcher_removed', o.agent2.user.id, { watcher: [o.agent2.user.id, null] }],
    ])
  })

  it('is refused to a requester, and a ticket the agent may not see (sensitive, another org) is not found', async () => {
    const o = await makeOrg()
    const other = await makeOrg()
    const t = await ticketIn(o, 'open')
    await expect(followTicket(o.requester, { number: t.number })).rejects.toBeInstanceOf(ForbiddenError)
    const secret = await ticketIn(o, 'new', { sensitive: true })
    await expect(followTicket(o.agent, { number: secret.number })).rejects.toBeInstanceOf(NotFoundError)
    expect(await watchState(o.agent, secret.id)).toEqual({ count: 0, following: false })
    await expect(followTicket(other.agent, { number: secret.number })).rejects.toBeInstanceOf(NotFoundError)
    const rows = await o.db.select().from(ticketWatchers).where(eq(ticketWatchers.organizationId, o.org.id))
    expect(rows).toEqual([])
  })

  it('a watcher hears of a reply and a status change, once, never of their own action', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'in_progress') // assigned to o.agent
    await followTicket(o.agent2, { number: t.number })
    await followTicket(o.agent, { number: t.number }) // the assignee follows too: still one notification
    await addComment(o.requester, { number: t.number, body: 'Still broken after the reboot', internal: false })
    expect((await bellOf(o, o.agent2, t.number)).map((n) => n.title)).toEqual([`${o.requester.user.name} replied on ticket #${t.number}`])
    expect(await bellOf(o, o.agent, t.number)).toHaveLength(2) // the assignment, and this reply
    await changeStatus(o.agent, { number: t.number, to: 'pending' })
    expect((await bellOf(o, o.agent2, t.number)).map((n) => n.event)).toEqual(['ticket.replied', 'ticket.status_changed'])
    // Their own reply: nothing for themselves.
    await addComment(o.agent2, { number: t.number, body: 'I have seen this before', internal: false })
    expect(await bellOf(o, o.agent2, t.number)).toHaveLength(2)
    // An assignment reads as one, not "to you".
    await assignTicket(o.admin, { number: t.number, assigneeId: o.admin.user.id, reason: 'Cover' })
    expect((await bellOf(o, o.agent2, t.number)).at(-1)?.title).toBe(`${o.admin.user.name} assigned ticket #${t.number}`)

    await drainJobs(o.db, { organizationId: o.org.id })
    const mail = await mailTo(o, o.agent2.user.email)
    // (Delivered in any order: the worker sends a batch at once.)
    expect(mail.map((m) => m.event).sort()).toEqual(['ticket.assigned', 'ticket.replied', 'ticket.status_changed'])
    const reply = mail.find((m) => m.event === 'ticket.replied')!
    expect(reply.textBody).toContain('Still broken after the reboot')
    expect(reply.textBody).toContain('you follow this ticket')
    // The assignee who also follows: the requester's reply once; agent2's reply as a watcher.
    expect((await mailTo(o, o.agent.user.email)).filter((m) => m.textBody.includes('Still broken'))).toHaveLength(1)
    expect((await mailTo(o, o.agent.user.email)).filter((m) => m.textBody.includes('I have seen this before'))).toHaveLength(1)
    // Unfollowed: no more.
    await unfollowTicket(o.agent2, { number: t.number })
    await addComment(o.requester, { number: t.number, body: 'Any news?', internal: false })
    expect(await bellOf(o, o.agent2, t.number)).toHaveLength(3)
  })

  it('an uncleared watcher of a ticket made sensitive hears nothing more, and mail already queued is dropped', async () => {
    const o = await makeOrg()
    const [cleared] = await clear(o, o.agent2)
    const t = await ticketIn(o, 'open', { assignee: o.admin })
    await followTicket(o.agent, { number: t.number }) // uncleared
    await followTicket(cleared, { number: t.number })
    // A reply is queued for both watchers; the ticket becomes sensitive before the worker runs.
    await addComment(o.requester, { number: t.number, body: 'He came back last night', internal: false })
    await updateTicket(o.admin, { ...edit(t), categoryId: category(o, 'Sensitive') })
    expect((await rowOf(o, t.number)).sensitive).toBe(true)
    await drainJobs(o.db, { organizationId: o.org.id })
    expect(await mailTo(o, o.agent.user.email)).toEqual([])
    expect((await mailTo(o, cleared.user.email)).map((m) => m.event)).toEqual(['ticket.replied'])
    // And later events are never written for them at all.
    // By id, not position: Postgres returns rows in no set order (the drained ones were updated).
    const before = new Set((await emailJobs(o)).map((j) => j.id))
    await addComment(o.requester, { number: t.number, body: 'Please call me', internal: false })
    const written = (await emailJobs(o)).filter((j) => !before.has(j.id)).map((j) => j.payload.to)
    expect(written).toContain(cleared.user.email)
    expect(written).not.toContain(o.agent.user.email)
    // Nothing new was written for them, and their bell no longer lists the first one (it shows only what they may see).
    expect(await bellOf(o, o.agent, t.number)).toHaveLength(1)
    expect((await listNotifications(o.agent)).rows.filter((n) => n.ticketNumber === t.number)).toEqual([])
    expect(await bellOf(o, cleared, t.number)).toHaveLength(2)
  })
})

describe('CC addresses', () => {
  it('the requester and staff add and remove them; valid, distinct, at most 10; audited', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'open')
    await addTicketCc(o.requester, { number: t.number, email: '  Boss@Example.TEST ' })
    expect(await addTicketCc(o.requester, { number: t.number, email: 'boss@example.test' })).toEqual({ changed: false })
    await addTicketCc(o.agent, { number: t.number, email: 'it-lead@example.test' })
    expect(await listTicketCc(o.requester, t.id)).toEqual(['boss@example.test', 'it-lead@example.test'])
    expect(await listTicketCc(o.agent, t.id)).toEqual(['boss@example.test', 'it-lead@example.test'])
    await removeTicketCc(o.requester, { number: t.number, email: 'IT-LEAD@example.test' })
    expect(await listTicketCc(o.agent, t.id)).toEqual(['boss@example.test'])
    expect(await auditCount(o, 'ticket.cc_added', t.id)).toBe(2)
    const [removed] = await o.db.select().from(auditEvents)
      .where(and(eq(auditEvents.organizationId, o.org.id), eq(auditEvents.action, 'ticket.cc_removed')))
    expect(removed).toMatchObject({ actorId: o.requester.user.id, changes: { cc: [['boss@example.test', 'it-lead@example.test'], ['boss@example.test']] } })

    expect((await fieldErrorsOf(addTicketCc(o.requester, { number: t.number, email: 'not an email' }))).email).toEqual(['Enter a valid email address'])
    expect((await fieldErrorsOf(addTicketCc(o.requester, { number: t.number, email: o.requester.user.email }))).email?.[0]).toMatch(/requester’s own address/)
    for (let i = 1; i < 10; i++) await addTicketCc(o.agent, { number: t.number, email: `cc${i}@example.test` })
    const err = await addTicketCc(o.agent, { number: t.number, email: 'eleventh@example.test' }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ValidationError)
    expect((err as ValidationError).fieldErrors?.email).toEqual(['At most 10 addresses; remove one first'])
    expect(await listTicketCc(o.agent, t.id)).toHaveLength(10)
  })

  it('nobody else may touch them: another requester’s ticket, another org’s, an uncleared agent’s sensitive one', async () => {
    const o = await makeOrg()
    const other = await makeOrg()
    const t = await ticketIn(o, 'open')
    await expect(addTicketCc(o.requester2, { number: t.number, email: 'x@example.test' })).rejects.toBeInstanceOf(NotFoundError)
    await expect(addTicketCc(other.admin, { number: t.number + 5, email: 'x@example.test' })).rejects.toBeInstanceOf(NotFoundError)
    const secret = await ticketIn(o, 'new', { sensitive: true })
    await expect(addTicketCc(o.agent, { number: secret.number, email: 'x@example.test' })).rejects.toBeInstanceOf(NotFoundError)
    // Nobody copies anyone on a restricted ticket, not even its requester or an admin.
    expect((await fieldErrorsOf(addTicketCc(o.requester, { number: secret.number, email: 'x@example.test' }))).email).toEqual(['Copies are not sent for a restricted ticket'])
    expect((await fieldErrorsOf(addTicketCc(o.admin, { number: secret.number, email: 'x@example.test' }))).email).toEqual(['Copies are not sent for a restricted ticket'])
    await addTicketCc(o.requester, { number: t.number, email: 'x@example.test' })
    expect(await listTicketCc(o.requester2, t.id)).toEqual([])
    expect(await listTicketCc(other.admin, t.id)).toEqual([])
  })

  it('a copied address gets public replies by email, never an internal note or a status change', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'in_progress')
    await addTicketCc(o.requester, { number: t.number, email: 'boss@example.test' })
    await addComment(o.agent, { number: t.number, body: 'We are replacing the switch', internal: false })
    await addComment(o.agent, { number: t.number, body: 'SECRET-NOTE vendor is late again', internal: true })
    await changeStatus(o.agent, { number: t.number, to: 'on_hold', note: 'Waiting for the vendor' })
    await addComment(o.requester, { number: t.number, body: 'Thanks, keep me posted', internal: false })
    await drainJobs(o.db, { organizationId: o.org.id })

    const mail = await mailTo(o, 'boss@example.test')
    expect(mail.map((m) => m.event)).toEqual(['ticket.replied', 'ticket.replied'])
    expect(mail.every((m) => m.userId === null)).toBe(true)
    const all = mail.map((m) => `${m.subject}\n${m.textBody}\n${m.htmlBody}`).join('\n')
    expect(all).toContain('We are replacing the switch')
    expect(all).toContain('Thanks, keep me posted')
    expect(all).toContain('you are copied on this request')
    for (const secret of ['SECRET-NOTE', 'vendor is late', 'Waiting for the vendor', '/tickets/', '/portal/']) expect(all).not.toContain(secret)
  })

  it('one mail per address even when it is also a member’s; removed or sensitive since queued: dropped', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'in_progress')
    // The assignee's own address copied: they hear of the requester's reply once, as the assignee.
    await addTicketCc(o.requester, { number: t.number, email: o.agent.user.email })
    await addTicketCc(o.requester, { number: t.number, email: 'boss@example.test' })
    await addTicketCc(o.requester, { number: t.number, email: 'gone@example.test' })
    await addComment(o.requester, { number: t.number, body: 'First reply', internal: false })
    await removeTicketCc(o.requester, { number: t.number, email: 'gone@example.test' })
    await drainJobs(o.db, { organizationId: o.org.id })
    expect((await mailTo(o, o.agent.user.email)).filter((m) => m.event === 'ticket.replied').map((m) => m.userId)).toEqual([o.agent.user.id])
    expect(await mailTo(o, 'boss@example.test')).toHaveLength(1)
    expect(await mailTo(o, 'gone@example.test')).toEqual([])

    // Queued, then the ticket becomes sensitive: the copy is not sent; later replies are not even queued.
    await addComment(o.agent, { number: t.number, body: 'Second reply', internal: false })
    await updateTicket(o.admin, { ...edit(t), categoryId: category(o, 'Sensitive') })
    await drainJobs(o.db, { organizationId: o.org.id })
    expect(await mailTo(o, 'boss@example.test')).toHaveLength(1)
    // By id, not position: Postgres returns rows in no set order (the drained ones were updated).
    const before = new Set((await emailJobs(o)).map((j) => j.id))
    await addComment(o.admin, { number: t.number, body: 'Third reply', internal: false })
    expect((await emailJobs(o)).filter((j) => !before.has(j.id)).map((j) => j.payload.to)).not.toContain('boss@example.test')
  })
})
