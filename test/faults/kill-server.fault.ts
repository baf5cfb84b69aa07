// Issue 12, fault 1: `kill -9` of the production server while forty creations and replies
// are in flight. Afterwards the database opens, every write the server answered with success
// is there, no write is half there (a ticket without its history, audit event or outbox row;
// a reply without its audit event or outbox row), ticket numbers stay gap-free and the audit
// chain verifies.
import { afterAll, describe, expect, it } from 'vitest'
import { createTicket, reply, signIn, type Outcome } from './actions'
import { basePort, dropTarget, freshTarget, npmScript, sql, startServer, type Server, type Target } from './harness'

const ORG = 'acme'
const WRITES = Number(process.env.FAULTS_WRITES ?? 40)
/** The kill comes once this many writes have been answered, so the rest are in flight. */
const KILL_AFTER = Math.round(WRITES / 4)

let target: Target | undefined
let server: Server | undefined
afterAll(async () => {
  await server?.stop()
  if (target) await dropTarget(target)
})

describe('kill -9 of the server during concurrent writes', () => {
  it('keeps every answered write, whole, with gap-free numbers and a valid audit chain', async () => {
    target = await freshTarget('kill')
    const port = basePort
    server = await startServer(target, port, { HELPDESK_WORKER: 'off' })
    const requester = await signIn(server.base, 'requester@acme.test', 'demo1234')
    const agent = await signIn(server.base, 'agent@acme.test', 'demo1234')
    const run = Date.now().toString(36)

    // Tickets for the replies to land on, filed before the fault.
    const targets: number[] = []
    for (let i = 0; i < 4; i++) {
      const r = await createTicket(server.base, requester, ORG, `Fault ${run} target ${i}`)
      if (!r.ok) throw new Error(`could not file a ticket before the fault: ${r.reason}`)
      targets.push(r.number!)
    }

    // Half creations, half replies, all at once; the kill lands while most are in flight.
    const live = server
    let answered = 0
    type Write = { kind: 'create' | 'reply'; label: string; number?: number; outcome?: Outcome }
    const writes: Write[] = []
    const killed = new Promise<void>((resolve) => {
      const tasks = Array.from({ length: WRITES }, (_, i) => {
        const w: Write = i % 2 === 0
          ? { kind: 'create', label: `Fault ${run} new ${i}` }
          : { kind: 'reply', label: `Fault ${run} reply ${i}`, number: targets[i % targets.length] }
        writes.push(w)
        const p = w.kind === 'create' ? createTicket(live.base, requester, ORG, w.label) : reply(live.base, agent, ORG, w.number!, w.label)
        return p.then((o) => {
          w.outcome = o
          if (o.ok && ++answered === KILL_AFTER) void live.kill9().then(resolve)
        })
      })
      // If fewer than KILL_AFTER succeed the kill still happens, after the last answer.
      void Promise.all(tasks).then(() => live.kill9()).then(resolve)
    })
    await killed
    await Promise.all(writes.map((w) => new Promise<void>((r) => { const t = setInterval(() => { if (w.outcome) { clearInterval(t); r() } }, 20) })))
    server = undefined

    const okCreates = writes.filter((w) => w.kind === 'create' && w.outcome!.ok)
    const okReplies = writes.filter((w) => w.kind === 'reply' && w.outcome!.ok)
    const failed = writes.filter((w) => !w.outcome!.ok)
    console.log(`[faults] kill -9 (${target.kind}): ${WRITES} writes, ${okCreates.length + okReplies.length} answered ok `
      + `(${okCreates.length} creations, ${okReplies.length} replies), ${failed.length} cut off: ${[...new Set(failed.map((w) => (w.outcome as { reason: string }).reason.slice(0, 60)))].join(' | ')}`)
    expect(okCreates.length + okReplies.length).toBeGreaterThanOrEqual(KILL_AFTER)
    expect(failed.length).toBeGreaterThan(0) // the kill really cut writes off

    // The database opens (PGlite replays its WAL here) and holds every answered write.
    const [org] = await sql<{ id: string }>(target, `select id from organizations where slug = $1`, [ORG])
    const ticketRows = await sql<{ id: string; number: number; title: string }>(target,
      `select id, number, title from tickets where organization_id = $1 and title like $2`, [org.id, `Fault ${run} %`])
    const byTitle = new Map(ticketRows.map((t) => [t.title, t]))
    for (const w of okCreates) {
      expect(byTitle.get(w.label)?.number, `answered creation "${w.label}"`).toBe((w.outcome as { number: number }).number)
    }
    const commentRows = await sql<{ id: string; body: string; number: number }>(target,
      `select c.id, c.body, t.number from comments c join tickets t on t.organization_id = c.organization_id and t.id = c.ticket_id
       where c.organization_id = $1 and c.body like $2`, [org.id, `Fault ${run} reply %`])
    const bodies = new Set(commentRows.map((c) => c.body))
    for (const w of okReplies) expect(bodies.has(w.label), `answered reply "${w.label}"`).toBe(true)

    // Nothing half-written: every ticket that exists has its history, audit event and outbox rows.
    const partialTickets = await sql<{ number: number; history: number; audit: number; outbox: number }>(target, `
      select t.number,
        (select count(*)::int from status_history h where h.organization_id = t.organization_id and h.ticket_id = t.id and h.from_status is null and h.to_status = 'new') as history,
        (select count(*)::int from audit_events a where a.organization_id = t.organization_id and a.entity_id = t.id::text and a.action = 'ticket.created') as audit,
        (select count(*)::int from jobs j where j.organization_id = t.organization_id and j.queue = 'email'
           and j.payload->>'event' = 'ticket.created' and (j.payload->>'ticketNumber')::int = t.number) as outbox
      from tickets t where t.organization_id = $1 and t.title like $2`, [org.id, `Fault ${run} %`])
    expect(partialTickets.filter((t) => t.history !== 1 || t.audit !== 1 || t.outbox < 1)).toEqual([])
    const partialComments = await sql<{ id: string }>(target, `
      select c.id from comments c where c.organization_id = $1 and c.body like $2 and not exists (
        select 1 from audit_events a where a.organization_id = c.organization_id and a.entity_id = c.id::text and a.action = 'comment.added')`,
    [org.id, `Fault ${run} reply %`])
    expect(partialComments).toEqual([])
    // One reply, one email to the requester: per ticket the outbox holds as many as there are replies.
    const outboxPerTicket = await sql<{ number: number; n: number }>(target, `
      select (payload->>'ticketNumber')::int as number, count(*)::int as n from jobs
      where organization_id = $1 and queue = 'email' and payload->>'event' = 'ticket.replied' and (payload->>'ticketNumber')::int = any($2::int[])
      group by 1`, [org.id, targets])
    const repliesPerTicket = new Map<number, number>()
    for (const c of commentRows) repliesPerTicket.set(c.number, (repliesPerTicket.get(c.number) ?? 0) + 1)
    expect(new Map(outboxPerTicket.map((r) => [r.number, r.n]))).toEqual(repliesPerTicket)

    // Numbers: unique and gap-free per org, and the counter agrees with the highest.
    const numbering = await sql<{ slug: string; n: number; distinct_n: number; max: number; counter: number }>(target, `
      select o.slug, count(t.*)::int as n, count(distinct t.number)::int as distinct_n, coalesce(max(t.number), 0)::int as max, c.last_number as counter
      from organizations o join ticket_counters c on c.organization_id = o.id left join tickets t on t.organization_id = o.id
      group by o.slug, c.last_number`)
    for (const o of numbering) expect(o, o.slug).toMatchObject({ n: o.max, distinct_n: o.max, counter: o.max })

    const audit = await npmScript(target, 'audit:verify')
    expect(audit.out).not.toMatch(/BROKEN/)
    expect(audit.code, audit.out).toBe(0)

    // The server starts again on the same data and takes the next number.
    const present = ticketRows.length + 0
    server = await startServer(target, port, { HELPDESK_WORKER: 'off' })
    const again = await createTicket(server.base, await signIn(server.base, 'requester@acme.test', 'demo1234'), ORG, `Fault ${run} after restart`)
    expect(again).toMatchObject({ ok: true, number: numbering.find((o) => o.slug === ORG)!.max + 1 })
    console.log(`[faults] kill -9 (${target.kind}): after restart ${present} of this run's tickets and ${commentRows.length} replies present `
      + `(answered: ${okCreates.length + targets.length} tickets, ${okReplies.length} replies); numbering gap-free; audit chain ok; next number ${(again as { number: number }).number}`)
  })
})
