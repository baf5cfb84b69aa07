import { allowPrivateWebhooks } from '@/test/webhooks'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { and, eq } from 'drizzle-orm'
import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { jobs, mailMessages, notifications } from '@/db/schema'
import { makeOrg, category, type TestOrg } from '@/test/factory'
import { addComment } from '@/lib/comments/add-comment'
import { drainJobs } from '@/lib/jobs/runner'
import { registerAllHandlers } from '@/lib/jobs/handlers'
import { assignTicket } from '@/lib/tickets/assign-ticket'
import { changeStatus } from '@/lib/tickets/change-status'
import { createTicket } from '@/lib/tickets/create-ticket'
import { addWebhook, retryDelivery } from './admin'
import { listNotifications, markAllRead, markRead, savePreferences, unreadCount } from './inbox'
import { signBody } from './webhook'
import { ticketThreadId } from './config'

// Real parts: an SMTP server in this process receives what the worker sends over the
// network, and a local HTTP server receives the webhooks.
type Received = { to: string[]; mail: ParsedMail }
let inbox: Received[] = []
let smtp: SMTPServer
let smtpPort = 0

function startSmtp(port = 0): Promise<number> {
  smtp = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false,
    onData(stream, session, done) {
      simpleParser(stream).then((mail) => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), mail })
        done()
      }, done)
    },
  })
  return new Promise((resolve) => smtp.listen(port, '127.0.0.1', () => resolve((smtp.server.address() as AddressInfo).port)))
}
const stopSmtp = () => new Promise<void>((resolve) => smtp.close(() => resolve()))

beforeAll(async () => {
  process.env.JOB_BACKOFF_BASE_MS = '1'
  smtpPort = await startSmtp()
  process.env.SMTP_URL = `smtp://127.0.0.1:${smtpPort}`
  process.env.MAIL_FROM = 'Helpdesk <desk@helpdesk.test>'
  registerAllHandlers()
})
afterAll(async () => { await stopSmtp() })

const mailTo = (email: string) => inbox.filter((r) => r.to.includes(email))
const bodies = () => inbox.map((r) => `${r.mail.subject}\n${r.mail.text}\n${r.mail.html || ''}`).join('\n')

/** Drains this org's due jobs until none are left waiting (retries are due after ~1 ms). */
async function deliverAll(o: TestOrg, rounds = 20) {
  for (let i = 0; i < rounds; i++) {
    await drainJobs(o.db, { organizationId: o.org.id })
    const waiting = await o.db.select({ id: jobs.id }).from(jobs).where(and(eq(jobs.organizationId, o.org.id), eq(jobs.status, 'pending')))
    if (waiting.length === 0) return
    await new Promise((r) => setTimeout(r, 20))
  }
}

describe('email notifications', () => {
  it('tell each party about their ticket, thread per ticket, and never carry an internal note', async () => {
    inbox = []
    const o = await makeOrg()
    const t = await createTicket(o.requester, { title: 'Printer jams', description: 'Every page', categoryId: category(o, 'General') })
    await assignTicket(o.admin, { number: t.number, assigneeId: o.agent.user.id })
    await addComment(o.agent, { number: t.number, body: 'Try tray 2 please', internal: false })
    await addComment(o.agent, { number: t.number, body: 'SECRET-NOTE vendor contract lapsed', internal: true })
    await changeStatus(o.agent, { number: t.number, to: 'in_progress' })
    await changeStatus(o.agent, { number: t.number, to: 'resolved', note: 'Replaced the roller' })
    await addComment(o.requester, { number: t.number, body: 'Thanks, works now', internal: false })
    await deliverAll(o)

    const requesterMail = mailTo(o.requester.user.email)
    const events = requesterMail.map((r) => r.mail.headers.get('x-helpdesk-event'))
    expect(events).toEqual(expect.arrayContaining(['ticket.created', 'ticket.replied', 'ticket.status_changed', 'ticket.resolved']))
    // The agent hears of the assignment and of the requester's reply, not of their own actions.
    expect(mailTo(o.agent.user.email).map((r) => r.mail.headers.get('x-helpdesk-event')).sort()).toEqual(['ticket.assigned', 'ticket.replied'])
    expect(mailTo(o.admin.user.email)).toHaveLength(0)

    const thread = ticketThreadId(t.id)
    for (const { mail } of [...requesterMail, ...mailTo(o.agent.user.email)]) {
      expect(mail.subject).toBe(`[${o.org.name} #${t.number}] Printer jams`)
      expect(mail.inReplyTo).toBe(thread)
      expect([mail.references].flat()).toContain(thread)
      expect(mail.messageId).toMatch(/^<.+@helpdesk\.test>$/)
      expect(mail.text).toContain(`/${o.org.slug}/`)
    }
    expect(requesterMail.find((r) => r.mail.headers.get('x-helpdesk-event') === 'ticket.replied')!.mail.text).toContain('Try tray 2 please')
    expect(requesterMail[0].mail.text).toContain(`/portal/${t.number}`)
    expect(mailTo(o.agent.user.email)[0].mail.text).toContain(`/tickets/${t.number}`)
    expect(bodies()).not.toContain('SECRET-NOTE')

    const kept = await o.db.select().from(mailMessages).where(eq(mailMessages.organizationId, o.org.id))
    expect(kept.length).toBe(inbox.length)
    expect(kept.every((m) => m.transport === 'smtp')).toBe(true)
  })

  it('lose nothing and duplicate nothing when the SMTP server is down for a while', async () => {
    const o = await makeOrg()
    await stopSmtp()
    inbox = []
    const numbers: number[] = []
    for (let i = 0; i < 5; i++) {
      // The user's action succeeds although no mail can be sent.
      const t = await createTicket(o.requester, { title: `Outage ${i}`, description: 'No network' })
      await addComment(o.agent, { number: t.number, body: `Looking into ${i}`, internal: false })
      numbers.push(t.number)
    }
    // One attempt each while the server is down; the retry waits a minute (the backoff).
    process.env.JOB_BACKOFF_BASE_MS = '60000'
    await drainJobs(o.db, { organizationId: o.org.id })
    process.env.JOB_BACKOFF_BASE_MS = '1'
    const failing = await o.db.select().from(jobs).where(and(eq(jobs.organizationId, o.org.id), eq(jobs.queue, 'email')))
    expect(failing).toHaveLength(10)
    expect(failing.map((j) => [j.status, j.attempts, !!j.lastError])).toEqual(failing.map(() => ['pending', 1, true]))

    await startSmtp(smtpPort)
    // Time passes: the retries fall due.
    await o.db.update(jobs).set({ runAt: new Date() }).where(eq(jobs.organizationId, o.org.id))
    await deliverAll(o)
    const mine = mailTo(o.requester.user.email)
    expect(mine).toHaveLength(10)
    expect(new Set(mine.map((r) => r.mail.messageId)).size).toBe(10)
    const done = await o.db.select().from(jobs).where(and(eq(jobs.organizationId, o.org.id), eq(jobs.queue, 'email')))
    expect(done.every((j) => j.status === 'done')).toBe(true)
  })

  it('two workers draining at once deliver each message exactly once', async () => {
    inbox = []
    const o = await makeOrg()
    for (let i = 0; i < 12; i++) await createTicket(o.requester, { title: `Parallel ${i}`, description: 'x' })
    await Promise.all([
      drainJobs(o.db, { organizationId: o.org.id, workerId: 'worker-a' }),
      drainJobs(o.db, { organizationId: o.org.id, workerId: 'worker-b' }),
    ])
    const mine = mailTo(o.requester.user.email)
    expect(mine).toHaveLength(12)
    expect(new Set(mine.map((r) => r.mail.messageId)).size).toBe(12)
  })

  it('respect preferences: email off still leaves the in-app notification', async () => {
    inbox = []
    const o = await makeOrg()
    await savePreferences(o.requester, { prefs: [{ event: 'ticket.replied', email: false, inApp: true }] })
    const t = await createTicket(o.requester, { title: 'Quiet please', description: 'x' })
    await addComment(o.agent, { number: t.number, body: 'A reply', internal: false })
    await deliverAll(o)
    expect(mailTo(o.requester.user.email).map((r) => r.mail.headers.get('x-helpdesk-event'))).toEqual(['ticket.created'])
    const { rows } = await listNotifications(o.requester)
    expect(rows.map((n) => n.event).sort()).toEqual(['ticket.created', 'ticket.replied'])
  })

  it('reach only people allowed to see a sensitive ticket', async () => {
    inbox = []
    const o = await makeOrg()
    const t = await createTicket(o.requester, { title: 'Private report', description: 'x', categoryId: category(o, 'Sensitive') })
    // An uncleared agent is refused as assignee, so nothing can leak to them by assignment;
    // the admin's reply reaches the requester only.
    await expect(assignTicket(o.admin, { number: t.number, assigneeId: o.agent.user.id })).rejects.toThrow()
    await addComment(o.admin, { number: t.number, body: 'We are on it', internal: false })
    await deliverAll(o)
    const recipients = new Set(inbox.flatMap((r) => r.to))
    expect([...recipients]).toEqual([o.requester.user.email])
    const agentBell = await o.db.select().from(notifications).where(and(eq(notifications.organizationId, o.org.id), eq(notifications.userId, o.agent.user.id)))
    expect(agentBell).toHaveLength(0)
  })
})

describe('in-app notifications', () => {
  it('count unread, mark one and all read, and never touch another person’s', async () => {
    const o = await makeOrg()
    const t = await createTicket(o.requester, { title: 'Bell', description: 'x' })
    await addComment(o.agent, { number: t.number, body: 'Hello', internal: false })
    await addComment(o.agent, { number: t.number, body: 'Hello again', internal: false })
    expect(await unreadCount(o.requester)).toBe(3)
    const { rows } = await listNotifications(o.requester)
    await expect(markRead(o.requester2, { id: rows[0].id })).rejects.toThrow(/not found/)
    const other = await makeOrg()
    await expect(markRead(other.requester, { id: rows[0].id })).rejects.toThrow(/not found/)
    await markRead(o.requester, { id: rows[0].id })
    expect(await unreadCount(o.requester)).toBe(2)
    expect(await markAllRead(o.requester)).toBe(2)
    expect(await unreadCount(o.requester)).toBe(0)
  })
})

describe('webhooks', () => {
  let server: http.Server
  let url = ''
  let status = 200
  const hits: { body: string; signature: string; event: string }[] = []
  allowPrivateWebhooks()
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = ''
      req.on('data', (c) => { body += c })
      req.on('end', () => {
        hits.push({ body, signature: String(req.headers['x-helpdesk-signature']), event: String(req.headers['x-helpdesk-event']) })
        res.statusCode = status
        res.end()
      })
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`
  })
  afterAll(() => new Promise<void>((r) => server.close(() => r())))

  it('are signed with HMAC-SHA256 and omit a sensitive ticket’s content', async () => {
    hits.length = 0
    status = 200
    const o = await makeOrg()
    const secret = 'a-very-long-shared-secret'
    await addWebhook(o.admin, { url, secret })
    await createTicket(o.requester, { title: 'Streetlight out', description: 'x' })
    await createTicket(o.requester, { title: 'Do not disclose', description: 'x', categoryId: category(o, 'Sensitive') })
    await deliverAll(o)
    expect(hits).toHaveLength(2)
    for (const h of hits) {
      expect(h.signature).toBe(signBody(secret, h.body))
      expect(h.signature).not.toBe(signBody('wrong-secret-wrong-secret', h.body))
      expect(h.event).toBe('ticket.created')
    }
    const payloads = hits.map((h) => JSON.parse(h.body))
    expect(payloads.find((p) => !p.ticket.sensitive).ticket.title).toBe('Streetlight out')
    expect(JSON.stringify(payloads.find((p) => p.ticket.sensitive))).not.toContain('Do not disclose')
  })

  it('retry on HTTP 500, then go dead; an admin retry delivers', async () => {
    hits.length = 0
    status = 500
    process.env.JOB_MAX_ATTEMPTS = '3'
    const o = await makeOrg()
    await addWebhook(o.admin, { url, secret: 'another-long-shared-secret' })
    await createTicket(o.requester, { title: 'Failing hook', description: 'x' })
    delete process.env.JOB_MAX_ATTEMPTS
    await deliverAll(o)
    expect(hits).toHaveLength(3)
    const [dead] = await o.db.select().from(jobs).where(and(eq(jobs.organizationId, o.org.id), eq(jobs.queue, 'webhook')))
    expect(dead.status).toBe('dead')
    expect(dead.lastError).toContain('500')

    await expect(retryDelivery(o.agent, { id: dead.id })).rejects.toThrow()
    status = 200
    await retryDelivery(o.admin, { id: dead.id })
    await deliverAll(o)
    expect(hits).toHaveLength(4)
    const [after] = await o.db.select().from(jobs).where(eq(jobs.id, dead.id))
    expect(after.status).toBe('done')
  })
})
