import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import nodemailer from 'nodemailer'
import { and, asc, eq } from 'drizzle-orm'
import { attachments, comments, organizations, tickets, users } from '@/db/schema'
import { ticketThreadId } from '@/lib/notifications/config'
import { makeOrg, uid, type TestOrg } from '@/test/factory'
import { rowOf, ticketIn } from '@/test/tickets'
import { elf, pdf } from '@/test/uploads'
import { startInboundSmtp } from './server'
import type { InboundOutcome } from './receive-mail'

// Real SMTP: nodemailer talks to the listener over TCP, as a mail server would.
let server: Awaited<ReturnType<typeof startInboundSmtp>>
const outcomes: InboundOutcome[] = []
beforeAll(async () => { server = await startInboundSmtp({ port: 0, host: '127.0.0.1', log: () => {}, onOutcome: (o) => outcomes.push(o) }) })
afterAll(async () => { await server?.close() })

const send = (mail: nodemailer.SendMailOptions, port = server.port) =>
  nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true }).sendMail(mail)
const to = (o: TestOrg, suffix = '') => `${o.org.slug}${suffix}@helpdesk.localhost`
const ticketsOf = (o: TestOrg) => o.db.select().from(tickets).where(eq(tickets.organizationId, o.org.id)).orderBy(asc(tickets.number))
const commentsOf = (o: TestOrg, ticketId: string) => o.db.select().from(comments).where(eq(comments.ticketId, ticketId)).orderBy(asc(comments.createdAt))

describe('a new message opens a ticket', () => {
  it('from a member: a ticket for the sender, attachments through the upload checks', async () => {
    const o = await makeOrg()
    const info = await send({
      from: `Req <${o.requester.user.email}>`, to: to(o), subject: 'Printer on fire', text: 'It is smoking.\nPlease help.',
      attachments: [{ filename: 'report.pdf', content: pdf(), contentType: 'application/pdf' }, { filename: 'tool.exe', content: elf(), contentType: 'application/octet-stream' }],
    })
    expect(info.accepted).toEqual([to(o)])
    const [t] = await ticketsOf(o)
    expect(t).toMatchObject({ title: 'Printer on fire', requesterId: o.requester.user.id, status: 'new' })
    expect(t.description).toMatch(/^It is smoking\.\nPlease help\./)
    // The executable is refused by the same sniffing as an upload, and the ticket says so.
    expect(t.description).toMatch(/tool\.exe.*can’t be attached/)
    const files = await o.db.select().from(attachments).where(eq(attachments.ticketId, t.id))
    expect(files.map((f) => f.filename)).toEqual(['report.pdf'])
  })

  it('from an unknown sender: refused by default, a new requester where the org allows it', async () => {
    const o = await makeOrg()
    const stranger = `stranger-${uid()}@example.com`
    await expect(send({ from: stranger, to: to(o), subject: 'Hello', text: 'Who are you?' })).rejects.toMatchObject({ responseCode: 550 })
    expect(await ticketsOf(o)).toEqual([])
    await o.db.update(organizations).set({ settings: { ...o.org.settings, inboundUnknownSenders: 'create_requester' } }).where(eq(organizations.id, o.org.id))
    await send({ from: `New Person <${stranger}>`, to: to(o), subject: 'Hello', text: 'Let me in' })
    const [t] = await ticketsOf(o)
    const [u] = await o.db.select().from(users).where(eq(users.email, stranger))
    expect(u.name).toBe('New Person')
    expect(t.requesterId).toBe(u.id)
  })

  it('auto-replies, bulk mail, bounces and our own notifications are dropped without a ticket', async () => {
    const o = await makeOrg()
    const from = o.requester.user.email
    const before = outcomes.length
    await send({ from, to: to(o), subject: 'Out of office', text: 'Away', headers: { 'Auto-Submitted': 'auto-replied' } })
    await send({ from, to: to(o), subject: 'News', text: 'Deals', headers: { Precedence: 'bulk' } })
    await send({ from, to: to(o), subject: 'Away', text: 'Away', headers: { 'X-Autoreply': 'yes' } })
    await send({ from, to: to(o), subject: 'Loop', text: 'x', headers: { 'X-Helpdesk-Event': 'ticket.replied' } })
    await send({ envelope: { from: '', to: to(o) }, from, to: to(o), subject: 'Undeliverable', text: 'bounce' })
    expect(outcomes.slice(before).map((x) => x.kind)).toEqual(['dropped', 'dropped', 'dropped', 'dropped', 'dropped'])
    expect(await ticketsOf(o)).toEqual([])
  })

  it('addresses that are not an org here are refused at RCPT; a message over the size limit at DATA', async () => {
    const o = await makeOrg()
    await expect(send({ from: o.requester.user.email, to: `nobody-${uid()}@helpdesk.localhost`, subject: 'x', text: 'x' })).rejects.toMatchObject({ responseCode: 550 })
    await expect(send({ from: o.requester.user.email, to: `${o.org.slug}@elsewhere.test`, subject: 'x', text: 'x' })).rejects.toMatchObject({ responseCode: 550 })
    process.env.INBOUND_MAX_BYTES = '20000'
    const small = await startInboundSmtp({ port: 0, host: '127.0.0.1', log: () => {} })
    delete process.env.INBOUND_MAX_BYTES
    try {
      await expect(send({ from: o.requester.user.email, to: to(o), subject: 'big', text: 'x'.repeat(50_000) }, small.port)).rejects.toMatchObject({ responseCode: 552 })
    } finally { await small.close() }
    expect(await ticketsOf(o)).toEqual([])
  })
})

describe('a reply threads onto its ticket', () => {
  it('by the References our notifications set: a public reply from the requester; pending → in_progress', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'pending')
    await send({
      from: o.requester.user.email, to: to(o), subject: `Re: [#${t.number}] ${t.title}`,
      text: 'Here are the logs.\n\nOn Mon, 1 Jan 2026, Helpdesk wrote:\n> Could you send the logs?',
      inReplyTo: `<${uid()}@helpdesk.test>`, references: [ticketThreadId(t.id), `<${uid()}@helpdesk.test>`],
    })
    const [c] = await commentsOf(o, t.id)
    expect(c).toMatchObject({ body: 'Here are the logs.', internal: false, authorId: o.requester.user.id })
    expect((await rowOf(o, t.number)).status).toBe('in_progress')
    expect(await ticketsOf(o)).toHaveLength(1)
  })

  it('by a +number in the address', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'open')
    await send({ from: o.agent.user.email, to: to(o, `+${t.number}`), subject: 'anything', text: 'Staff reply by mail' })
    const [c] = await commentsOf(o, t.id)
    expect(c).toMatchObject({ body: 'Staff reply by mail', internal: false, authorId: o.agent.user.id })
  })

  it('never onto a ticket the sender cannot see (another requester\'s, another org\'s): refused, nothing added', async () => {
    const o = await makeOrg()
    const other = await makeOrg()
    const t = await ticketIn(o, 'open')
    await expect(send({ from: o.requester2.user.email, to: to(o, `+${t.number}`), subject: 'x', text: 'sneaky' })).rejects.toMatchObject({ responseCode: 550 })
    // A thread header naming another org's ticket does not reach it either: it opens a new ticket here instead.
    const theirs = await ticketIn(other, 'open')
    await send({ from: o.requester.user.email, to: to(o), subject: 'Re: x', text: 'cross', references: [ticketThreadId(theirs.id)] })
    expect(await commentsOf(other, theirs.id)).toEqual([])
    expect(await commentsOf(o, t.id)).toEqual([])
    const mine = await o.db.select().from(tickets).where(and(eq(tickets.organizationId, o.org.id), eq(tickets.title, 'Re: x')))
    expect(mine).toHaveLength(1)
  })
})
