import 'server-only'
import type { Db } from '@/db/client'
import { registerAllHandlers } from './handlers'
import { startWorker, type Worker } from './runner'

const g = globalThis as unknown as { __helpdeskWorker?: Worker }

/**
 * Starts this process's worker once. The app runs one in every instance (set
 * HELPDESK_WORKER=off to leave delivery to `npm run worker` processes instead).
 */
export function ensureWorker(db: Db, log: (m: string) => void = console.error): Worker {
  registerAllHandlers()
  g.__helpdeskWorker ??= startWorker(db, { log })
  return g.__helpdeskWorker
}
