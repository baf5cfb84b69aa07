// `npm run worker`: the background job runner as its own process (mail, webhooks, sweeps).
// Any number may run beside the app instances; `--once` drains what is due and exits.
import { closeDb, getDb } from '@/db/client'
import { recurringQueues, registerAllHandlers } from '@/lib/jobs/handlers'
import { drainJobs, ensureRecurring, startWorker } from '@/lib/jobs/runner'
import { startInboundSmtp } from '@/lib/inbound'

async function main() {
  const db = await getDb()
  registerAllHandlers()
  for (const q of recurringQueues) await ensureRecurring(db, q)
  if (process.argv.includes('--once')) {
    console.log(`Ran ${await drainJobs(db)} jobs.`)
    await closeDb()
    return
  }
  const worker = startWorker(db, { log: console.error })
  console.log(`Worker ${worker.id} running. Ctrl-C to stop.`)
  // With INBOUND_SMTP_PORT the worker also takes inbound mail (no separate `npm run mail`).
  const smtp = process.env.INBOUND_SMTP_PORT ? await startInboundSmtp({ port: Number(process.env.INBOUND_SMTP_PORT), host: process.env.INBOUND_SMTP_HOST }) : null
  if (smtp) console.log(`Inbound mail on port ${smtp.port}.`)
  const stop = async () => { await smtp?.close(); await worker.stop(); await closeDb(); process.exit(0) }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}
main().catch((err) => { console.error(err); process.exit(1) })
