// `npm start`: the production server. On Postgres it runs one Next.js worker per core (Node
// cluster: the workers share the listening socket, the primary hands out connections), with
// the background job runner in exactly one of them — the others leave it off and wake it
// through Postgres NOTIFY when they enqueue (lib/jobs). On the embedded database it stays
// one process: PGlite is one in-process database that a second process cannot open.
//
// WEB_CONCURRENCY sets the number of workers (default: the cores Node sees; 1 = no cluster).
// Arguments after `--` go to `next start` (e.g. `npm start -- -p 4000`).
import cluster from 'node:cluster'
import os from 'node:os'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const nextBin = require.resolve('next/dist/bin/next')
const args = ['start', ...process.argv.slice(2)]
const wanted = Number(process.env.WEB_CONCURRENCY ?? os.availableParallelism())
const workers = process.env.DATABASE_URL ? Math.max(1, Math.floor(wanted) || 1) : 1

if (workers === 1) {
  if (!process.env.DATABASE_URL && process.env.WEB_CONCURRENCY && wanted > 1) {
    console.log('WEB_CONCURRENCY ignored: the embedded database (PGlite) runs in one process. Set DATABASE_URL to use every core.')
  }
  process.argv = [process.argv[0], nextBin, ...args]
  require(nextBin)
} else {
  // The job runner's place: worker 1, unless the operator turned it off everywhere (a
  // separate `npm run worker`). A worker that dies is replaced in the same role.
  const runnerWanted = process.env.HELPDESK_WORKER !== 'off'
  const roles = new Map()
  const fork = (slot) => {
    const w = cluster.fork({ HELPDESK_WORKER: runnerWanted && slot === 0 ? 'on' : 'off', HELPDESK_WORKER_SLOT: String(slot) })
    roles.set(w.id, slot)
  }
  console.log(`Starting ${workers} workers (WEB_CONCURRENCY), the job runner in worker 1`)
  cluster.setupPrimary({ exec: nextBin, args })
  for (let i = 0; i < workers; i++) fork(i)
  let stopping = false
  cluster.on('exit', (w, code, signal) => {
    const slot = roles.get(w.id)
    roles.delete(w.id)
    if (stopping) return
    console.error(`worker ${slot + 1} exited (${signal ?? code}); starting a new one`)
    setTimeout(() => fork(slot), 1_000)
  })
  for (const sig of ['SIGTERM', 'SIGINT']) {
    process.on(sig, () => {
      stopping = true
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(sig)
      // Workers finish their requests and exit; the primary follows the last one.
      const timer = setTimeout(() => process.exit(0), 10_000)
      timer.unref()
      cluster.on('exit', () => { if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0) })
    })
  }
}
