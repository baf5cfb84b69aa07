// Issue 12, fault 2: a worker killed between handing a mail to SMTP and marking its job done.
// The guarantee is at-least-once delivery with a stable Message-ID: nothing queued is lost,
// a mail caught in that window is sent again by the next worker once the dead worker's lease
// runs out, and the repeat carries the same Message-ID (fixed at enqueue time), so a receiver
// that drops repeated Message-IDs sees each mail exactly once.
import type { AddressInfo } from 'node:net'
import { simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'
import { afterAll, describe, expect, it } from 'vitest'
import { basePort, dropTarget, freshTarget, npmScript, sleep, sql, type Target } from './harness'

const LEASE_SECONDS = 2
const KILL_AFTER = 5
const MAILS = 30

const inbox: { messageId: string; to: string; subject: string }[] = []
const smtp = new SMTPServer({
  authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false,
  onData(stream, session, done) {
    simpleParser(stream).then((mail) => {
      inbox.push({ messageId: mail.messageId ?? '', to: session.envelope.rcptTo.map((r) => r.address).join(','), subject: mail.subject ?? '' })
      done()
    }, done)
  },
})

let target: Target | undefined
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()))
  if (target) await dropTarget(target)
})

describe('a mail worker killed after SMTP accepted a message', () => {
  it('sends every queued mail at least once, a repeat with the same Message-ID', async () => {
    await new Promise<void>((resolve) => smtp.listen(basePort + 6, '127.0.0.1', () => resolve()))
    const smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`
    // The demo data leaves its notification mail queued (nothing has delivered it yet); a
    // few dozen of them are enough.
    target = await freshTarget('mail')
    await sql(target, `delete from jobs where queue = 'email' and id not in (select id from jobs where queue = 'email' and status = 'pending' order by created_at limit ${MAILS})`)
    const queued = await sql<{ id: string }>(target, `select id from jobs where queue = 'email' and status = 'pending'`)
    expect(queued.length).toBe(MAILS)

    const env = { SMTP_URL: smtpUrl, MAIL_FROM: 'Helpdesk <desk@helpdesk.test>', JOB_LEASE_SECONDS: String(LEASE_SECONDS) }
    const first = await npmScript(target, 'worker', [], { ...env, HELPDESK_FAULT_KILL_AFTER_SMTP: String(KILL_AFTER) })
    expect(first.signal ?? first.code, first.out).not.toBe(0) // it died, it did not stop
    const beforeRestart = inbox.length
    const stranded = await sql<{ n: number }>(target, `select count(*)::int as n from jobs where queue = 'email' and status = 'running'`)
    expect(stranded[0].n).toBeGreaterThan(0) // jobs left leased by the dead worker

    // The next worker takes the stranded jobs once their lease has run out, and the rest.
    await sleep(LEASE_SECONDS * 1000 + 500)
    const second = await npmScript(target, 'worker', ['--once'], env)
    expect(second.code, second.out).toBe(0)

    // Every mail job ended done: the queued ones, and any the SLA sweep added while the workers ran.
    const jobs = await sql<{ status: string; message_id: string }>(target, `select status::text, payload->>'messageId' as message_id from jobs where queue = 'email'`)
    expect(jobs.length).toBeGreaterThanOrEqual(MAILS)
    expect(jobs.filter((j) => j.status !== 'done')).toEqual([])
    const sent = await sql<{ message_id: string }>(target, `select message_id from mail_messages where transport = 'smtp'`)
    const queuedIds = new Set(jobs.map((q) => q.message_id))
    const received = new Map<string, typeof inbox>()
    for (const m of inbox) received.set(m.messageId, [...(received.get(m.messageId) ?? []), m])
    // Every mail the worker recorded as sent arrived; nothing arrived that was not queued.
    for (const s of sent) expect(received.has(s.message_id), s.message_id).toBe(true)
    for (const id of received.keys()) expect(queuedIds.has(id), id).toBe(true)
    const repeats = [...received.values()].filter((copies) => copies.length > 1)
    // The window was hit: at least the mail that triggered the kill went out twice, each repeat identical.
    expect(repeats.length).toBeGreaterThanOrEqual(1)
    for (const copies of repeats) expect(new Set(copies.map((c) => `${c.to}|${c.subject}`)).size).toBe(1)
    expect(received.size).toBe(sent.length)
    console.log(`[faults] mail worker (${target.kind}): ${jobs.length} mail jobs, worker killed after ${KILL_AFTER} accepted (${beforeRestart} received by then), `
      + `${inbox.length} received in all, ${received.size} distinct Message-IDs, ${inbox.length - received.size} duplicates (same Message-ID), ${stranded[0].n} jobs were stranded`)
  })
})
