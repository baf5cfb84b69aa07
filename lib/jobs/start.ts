import 'server-only'
import type { Db } from '@/db/client'
import { recurringQueues, registerAllHandlers } from './handlers'
import { ensureRecurring, startWorker, type Worker } from './runner'

const g = globalThis as unknown as { __helpdeskWorker?: Worker }

/**
 * Starts this process's worker once. The app runs one in every instance (set
 * HELPDESK_WORKER=off to leave delivery to `npm run worker` processes instead).
 */
export function ensureWorker(db: Db, log: (m: string) => void = console.error): Worker {
  registerAllHandlers()
  if (!g.__helpdeskWorker) {
    for (const q of recurringQueues) ensureRecurring(db, q).catch((err) => log(`could not schedule ${q}: ${err}`))
  }
  g.__helpdeskWorker ??= startWorker(db, { log })
  return g.__helpdeskWorker
}
