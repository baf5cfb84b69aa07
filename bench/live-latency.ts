// npm run bench:live — live-update latency: from the moment a reply's transaction commits
// to the moment another viewer's SSE stream (lib/live/stream.ts, the code behind
// /api/[org]/events, re-check included) emits the event. The writer and the stream use
// different connections (on Postgres the LISTEN has its own), as two app instances would.
// Uses the embedded database unless DATABASE_URL is set. Figures only; nothing asserted.
import { performance } from 'node:perf_hooks'
import { getDb, getHandle, closeDb } from '@/db/client'
import { category, makeOrg } from '@/test/factory'
import { createTicket } from '@/lib/tickets/create-ticket'
import { addComment } from '@/lib/comments/add-comment'
import { liveStream } from '@/lib/live/stream'

const N = Number(process.env.BENCH_N ?? 200)
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]
const fmt = (ms: number) => `${ms.toFixed(2)} ms`

async function main() {
  process.env.HELPDESK_SEED = 'off'
  process.env.PGLITE_DATA_DIR ??= 'memory://'
  const { kind } = await getHandle()
  const db = await getDb()
  const o = await makeOrg()
  const t = await createTicket(o.requester, { title: 'Latency', description: 'bench', categoryId: category(o, 'General') })
  const abort = new AbortController()
  const stream = await liveStream(o.agent2, { signal: abort.signal })
  const reader = stream.getReader()
  const dec = new TextDecoder()
  const waiting: { resolve?: (at: number) => void } = {}
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read()
      if (done) return
      const at = performance.now()
      if (dec.decode(value).includes('"kind":"comment"')) waiting.resolve?.(at)
    }
  })()

  const latencies: number[] = []
  for (let i = 0; i < N + 10; i++) {
    let committing = 0
    const arrived = new Promise<number>((resolve) => { waiting.resolve = resolve })
    await db.transaction(async (tx) => {
      await addComment({ ...o.agent, tx }, { number: t.number, body: `reply ${i}` })
      committing = performance.now() // the callback returned: COMMIT is sent next
    })
    const at = await arrived
    if (i >= 10) latencies.push(at - committing) // the first few warm up connections and plans
  }
  abort.abort()
  console.log(`live-update latency on ${kind}, ${N} replies: commit → event emitted by another viewer's SSE stream`)
  console.log(`p50 ${fmt(pct(latencies, 50))} · p95 ${fmt(pct(latencies, 95))} · max ${fmt(Math.max(...latencies))}`)
  await closeDb()
}
main().catch((err) => { console.error(err); process.exit(1) })
