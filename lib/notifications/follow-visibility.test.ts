import { allowPrivateWebhooks } from '@/test/webhooks'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { jobs, mailMessages, notifications } from '@/db/schema'
import { category, makeOrg, type TestOrg } from '@/test/factory'
import { clear, rowOf } from '@/test/tickets'
import type { Ctx } from '@/lib/auth/ctx-type'
import { NotFoundError } from '@/lib/errors'
import { drainJobs } from '@/lib/jobs/runner'
import { registerAllHandlers } from '@/lib/jobs/handlers'
import { assignTicket } from '@/lib/tickets/assign-ticket'
import { createTicket } from '@/lib/tickets/create-ticket'
import { updateTicket } from '@/lib/tickets/update-ticket'
import { addWebhook } from './admin'
import { listNotifications, markAllRead, markRead, UNREAD_CAP, unreadCount } from './inbox'

// §6 / §10: a notification is as visible as its ticket. When a ticket becomes sensitive,
// the uncleared agent's bell forgets it and their waiting email is not sent; cleared
// people and admins keep theirs. No SMTP_URL here: delivered mail is "kept" in mail_messages.

beforeAll(() => {
  delete process.env.SMTP_URL
  registerAllHandlers()
})

/**
 * A ticket each of admin, cleared agent and uncleared agent has a notification about
 * (each was assigned it in turn, by someone else), with their emails still queued.
 */
async function seenByThree() {
  const o = await makeOrg()
  const [cleared] = await clear(o, o.agent2)
  const t = await createTicket(o.requester, { title: 'Neighbour shouting at night', description: 'x', categoryId: category(o, 'General') })
  await assignTicket(cleared, { number: t.number, assigneeId: o.admin.user.id })
  await assignTicket(o.admin, { number: t.number, assigneeId: cleared.user.id, reason: 'Cover' })
  await assignTicket(o.admin, { number: t.number, assigneeId: o.agent.user.id, reason: 'Cover' })
  const mineAbout = async (ctx: Ctx) => (await listNotifications(ctx)).rows.filter((n) => n.ticketNumber === t.number)
  // Before: everyone's bell shows it.
  for (const who of [o.admin, cleared, o.agent]) expect(await mineAbout(who)).toHaveLength(1)
  expect(await unreadCount(o.agent)).toBe(1)
  const [agentNote] = await mineAbout(o.agent)
  return { o, cleared, t, mineAbout, agentNote }
}

const keptMailTo = async (o: TestOrg, ctx: Ctx) => o.db.select().from(mailMessages)
  .where(and(eq(mailMessages.organizationId, o.org.id), eq(mailMessages.userId, ctx.user.id)))

async function expectGoneForAgentOnly(s: Awaited<ReturnType<typeof seenByThree>>) {
  const { o, cleared, mineAbout, agentNote } = s
  expect(await mineAbout(o.agent)).toEqual([])
  expect(await unreadCount(o.agent)).toBe(0)
  await expect(markRead(o.agent, { id: agentNote.id })).rejects.toBeInstanceOf(NotFoundError)
  expect(await markAllRead(o.agent)).toBe(0)
  const [row] = await o.db.select().from(notifications).where(and(eq(notifications.organizationId, o.org.id), eq(notifications.id, agentNote.id)))
  expect(row.readAt).toBeNull()
  // The cleared agent and the admin still have theirs (the cleared one may have more: the
  // ticket is re-routed to them).
  expect((await mineAbout(cleared)).length).toBeGreaterThanOrEqual(1)
  expect(await mineAbout(o.admin)).toHaveLength(1)
  expect(await unreadCount(o.admin)).toBeGreaterThanOrEqual(1)
  await markRead(o.admin, { id: (await mineAbout(o.admin))[0].id })

  // The outbox: the uncleared agent's assignment email is dropped at delivery, the others go.
  await drainJobs(o.db, { organizationId: o.org.id })
  expect(await keptMailTo(o, o.agent)).toEqual([])
  expect((await keptMailTo(o, cleared)).length).toBeGreaterThanOrEqual(1)
  expect(await keptMailTo(o, o.admin)).toHaveLength(1)
  const agentJobs = (await o.db.select().from(jobs).where(and(eq(jobs.organizationId, o.org.id), eq(jobs.queue, 'email'))))
    .filter((j) => j.payload.userId === o.agent.user.id)
  expect(agentJobs.map((j) => j.status)).toEqual(['done'])
}

describe('notifications follow the ticket’s visibility', () => {
  it('moving the ticket into a sensitive category hides it from an uncleared agent’s bell and mail', async () => {
    const s = await seenByThree()
    await updateTicket(s.o.admin, { number: s.t.number, title: s.t.title, description: s.t.description, priority: s.t.priority, categoryId: category(s.o, 'Sensitive') })
    expect((await rowOf(s.o, s.t.number)).sensitive).toBe(true)
    await expectGoneForAgentOnly(s)
  })

  it('flagging the ticket sensitive does the same', async () => {
    const s = await seenByThree()
    await updateTicket(s.o.admin, { number: s.t.number, title: s.t.title, description: s.t.description, priority: s.t.priority, categoryId: s.t.categoryId!, sensitive: true })
    await expectGoneForAgentOnly(s)
  })

  it('unflagged again, the ticket’s notification is back; one without a ticket is always there', async () => {
    const s = await seenByThree()
    const edit = { number: s.t.number, title: s.t.title, description: s.t.description, priority: s.t.priority, categoryId: s.t.categoryId! }
    await updateTicket(s.o.admin, { ...edit, sensitive: true })
    await s.o.db.insert(notifications).values({ organizationId: s.o.org.id, userId: s.o.agent.user.id, event: 'ticket.queued', title: 'A general notice' })
    expect((await listNotifications(s.o.agent)).rows.map((n) => n.title)).toEqual(['A general notice'])
    expect(await unreadCount(s.o.agent)).toBe(1)
    await updateTicket(s.o.admin, { ...edit, sensitive: false })
    expect(await s.mineAbout(s.o.agent)).toHaveLength(1)
    expect(await unreadCount(s.o.agent)).toBe(2)
  })
})

describe('the unread count', () => {
  it('stops at the cap (the bell says 99+), so a long backlog costs no more than 100 ticket probes', async () => {
    const o = await makeOrg()
    await o.db.insert(notifications).values(Array.from({ length: UNREAD_CAP + 5 }, (_, i) => ({
      organizationId: o.org.id, userId: o.agent.user.id, event: 'ticket.queued' as const, title: `Notice ${i}`,
    })))
    expect(await unreadCount(o.agent)).toBe(UNREAD_CAP)
    expect(await markAllRead(o.agent)).toBe(UNREAD_CAP + 5)
    expect(await unreadCount(o.agent)).toBe(0)
  })
})

describe('a waiting webhook', () => {
  let server: http.Server
  let url = ''
  const bodies: string[] = []
  allowPrivateWebhooks()
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = ''
      req.on('data', (c) => { body += c })
      req.on('end', () => { bodies.push(body); res.end() })
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`
  })
  afterAll(() => new Promise<void>((r) => server.close(() => r())))

  it('for a ticket made sensitive since it was queued goes out without the ticket’s content', async () => {
    const o = await makeOrg()
    await addWebhook(o.admin, { url, secret: 'a-very-long-shared-secret' })
    const t = await createTicket(o.requester, { title: 'Landlord threatening me', description: 'x', categoryId: category(o, 'General') })
    await updateTicket(o.admin, { number: t.number, title: t.title, description: t.description, priority: t.priority, categoryId: t.categoryId!, sensitive: true })
    await drainJobs(o.db, { organizationId: o.org.id })
    expect(bodies).toHaveLength(1)
    const sent = JSON.parse(bodies[0])
    expect(sent.ticket).toMatchObject({ number: t.number, sensitive: true })
    expect(bodies[0]).not.toContain('Landlord')
  })
})
