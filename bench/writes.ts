// npm run bench:writes [-- --runs N]
// What one write costs the data layer (issue 15, item 6): for creating a ticket and
// replying (agent and requester), the statements sent, the round trips they take, and
// p50/p95 over N runs, on the database of BENCH_DATABASE_URL (or DATABASE_URL; PGlite
// when neither is set). A round trip is counted per turn of the event loop that sends
// statements: statements sent together (pipelined on the transaction's connection) share one.
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { sql } from 'drizzle-orm'
import { getDb, closeDb, captureQueries, getHandle } from '@/db/client'
import { loadCtx } from '@/lib/auth/load-ctx'
import { createTicket } from '@/lib/tickets'
import { addComment } from '@/lib/comments'
import { accounts, orgSlug } from './config'

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '100' } } })

async function main() {
  if (process.env.BENCH_DATABASE_URL) process.env.DATABASE_URL = process.env.BENCH_DATABASE_URL
  const db = await getDb()
  const kind = (await getHandle()).kind
  const uid = async (email: string) => ((await db.execute(sql`select id from users where lower(email) = ${email}`)) as unknown as { id: string }[])[0]?.id
  const requesterId = await uid(accounts(1).requester)
  const agentId = await uid(accounts(1).agent)
  if (!requesterId || !agentId) throw new Error('No benchmark accounts: run npm run bench:seed (or bench:seed -- --small) first')
  const requester = await loadCtx(db, requesterId, orgSlug(1))
  const agent = await loadCtx(db, agentId, orgSlug(1))
  const [cat] = (await db.execute(sql`select id from categories where organization_id = ${requester.org.id} and active and not sensitive order by position limit 1`)) as unknown as { id: string }[]
  const newTicket = (title: string) => createTicket(requester, { title, description: 'Written by bench/writes.ts.', priority: 'normal', categoryId: cat?.id })
  const target = await newTicket('bench/writes target')

  // Round trips: statements logged in the same turn of the event loop went out together.
  let turn = 0
  let spinning = true
  const spin = () => { turn++; if (spinning) setImmediate(spin) }
  const count = async (fn: () => Promise<unknown>) => {
    const turns: number[] = []
    captureQueries(() => turns.push(turn))
    spinning = true; spin()
    try { await fn() } finally { captureQueries(undefined); spinning = false }
    return { statements: turns.length, roundTrips: new Set(turns).size }
  }
  const time = async (fn: () => Promise<unknown>) => {
    for (let i = 0; i < 5; i++) await fn()
    const ts: number[] = []
    for (let i = 0; i < Number(args.runs); i++) { const s = performance.now(); await fn(); ts.push(performance.now() - s) }
    ts.sort((a, b) => a - b)
    const at = (q: number) => Math.round(ts[Math.min(ts.length - 1, Math.floor(q * ts.length))]! * 10) / 10
    return { p50: at(0.5), p95: at(0.95) }
  }
  const writes: [string, () => Promise<unknown>][] = [
    ['create ticket (requester)', () => newTicket('bench/writes')],
    ['reply (agent)', () => addComment(agent, { number: target.number, body: 'A reply from bench/writes.ts.', internal: false })],
    ['reply (requester)', () => addComment(requester, { number: target.number, body: 'A reply from bench/writes.ts.', internal: false })],
    ['internal note (agent)', () => addComment(agent, { number: target.number, body: 'A note from bench/writes.ts.', internal: true })],
  ]
  const rows = ['| write | statements | round trips | p50 ms | p95 ms |', '|---|---:|---:|---:|---:|']
  for (const [name, fn] of writes) {
    const c = await count(fn)
    const t = await time(fn)
    rows.push(`| ${name} | ${c.statements} | ${c.roundTrips} | ${t.p50} | ${t.p95} |`)
  }
  console.log(`Writes at the data layer on ${kind} (${args.runs} runs each, BEGIN/COMMIT not counted)\n\n${rows.join('\n')}`)
  await closeDb()
}
main().catch((e) => { console.error(e); process.exit(1) })
