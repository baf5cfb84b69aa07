// npm run bench:notifications — delivery latency (commit → SMTP server accepted the
// message) with an idle worker, and the time the outbox write adds to a ticket change.
// Uses the embedded database unless DATABASE_URL is set. Figures only; nothing asserted.
import type { AddressInfo } from 'node:net'
import { performance } from 'node:perf_hooks'
import { SMTPServer } from 'smtp-server'
import { getDb, getHandle, closeDb } from '@/db/client'
import { makeOrg } from '@/test/factory'
import { createTicket } from '@/lib/tickets/create-ticket'
import { loadVisibleTicket } from '@/lib/tickets/internal/load'
import { notifyTicket } from '@/lib/notifications/notify'
import { registerAllHandlers } from '@/lib/jobs/handlers'
import { startWorker } from '@/lib/jobs/runner'

const N = Number(process.env.BENCH_N ?? 100)
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]
const fmt = (ms: number) => `${ms.toFixed(1)} ms`

async function main() {
  process.env.HELPDESK_SEED = 'off'
  process.env.PGLITE_DATA_DIR ??= 'memory://'
  const accepted = new Map<string, number>()
  const smtp = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false,
    onData(stream, _session, done) {
      let raw = ''
      stream.on('data', (c) => { raw += c })
      stream.on('end', () => {
        const subject = /^Subject: (.*)$/m.exec(raw)?.[1] ?? ''
        accepted.set(subject.trim(), performance.now())
        done()
      })
    },
  })
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()))
  process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`
  const { kind } = await getHandle()
  const db = await getDb()
  registerAllHandlers()
  const o = await makeOrg()
  const worker = startWorker(db, { pollMs: 1000 })

  // 1. Latency: one ticket at a time, each waiting until its receipt arrives.
  const latencies: number[] = []
  for (let i = 0; i < N; i++) {
    const t = await createTicket(o.requester, { title: `Bench ${i}`, description: 'x' })
    const committed = performance.now()
    const subject = `[${o.org.name} #${t.number}] Bench ${i}`
    while (!accepted.has(subject)) await new Promise((r) => setTimeout(r, 1))
    latencies.push(accepted.get(subject)! - committed)
  }
  await worker.stop()

  // 2. Outbox cost: the notifyTicket call alone, inside a transaction like a real change.
  const ticket = await createTicket(o.requester, { title: 'Outbox cost', description: 'x' })
  const outbox: number[] = []
  const baseline: number[] = []
  for (let i = 0; i < N; i++) {
    await db.transaction(async (tx) => {
      const row = await loadVisibleTicket(tx, o.agent, ticket.number, { lock: true })
      const t0 = performance.now()
      await notifyTicket(tx, o.agent, row, { event: 'ticket.replied', excerpt: 'A reply' })
      outbox.push(performance.now() - t0)
    })
    const t1 = performance.now()
    await createTicket(o.requester, { title: `Create ${i}`, description: 'x' })
    baseline.push(performance.now() - t1)
  }
  console.log(`engine: ${kind}, samples: ${N}`)
  console.log(`delivery latency (commit → SMTP accepted), idle worker: p50 ${fmt(pct(latencies, 50))}, p95 ${fmt(pct(latencies, 95))}, max ${fmt(Math.max(...latencies))}`)
  console.log(`outbox write inside the transaction (notifyTicket: recipients, preferences, in-app rows, jobs): p50 ${fmt(pct(outbox, 50))}, p95 ${fmt(pct(outbox, 95))}`)
  console.log(`whole createTicket call, for scale: p50 ${fmt(pct(baseline, 50))}, p95 ${fmt(pct(baseline, 95))}`)
  await new Promise<void>((r) => smtp.close(() => r()))
  await closeDb()
}
main().catch((err) => { console.error(err); process.exit(1) })
