import { EventEmitter } from 'node:events'

// Wakes this process's worker when a job is enqueued, so delivery doesn't wait for the
// next poll. Other instances (Postgres mode) find the job on their next poll.
const g = globalThis as unknown as { __helpdeskJobSignal?: EventEmitter }
export const jobSignal = (g.__helpdeskJobSignal ??= new EventEmitter().setMaxListeners(50))

/** The Postgres NOTIFY channel that wakes workers in every instance. */
export const JOBS_CHANNEL = 'helpdesk_jobs'

export function signalJobs() {
  jobSignal.emit('enqueued')
}
