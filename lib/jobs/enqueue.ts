import 'server-only'
import { sql } from 'drizzle-orm'
import { jobs } from '@/db/schema'
import type { DbOrTx } from '@/db/client'
import { JOBS_CHANNEL, signalJobs } from './signal'

export type NewJob = {
  organizationId?: string | null
  queue: string
  payload: Record<string, unknown>
  runAt?: Date
  maxAttempts?: number
}

/**
 * Adds jobs inside the caller's transaction (the outbox): they exist if and only if the
 * change that caused them commits.
 */
export async function enqueueJobs(tx: DbOrTx, list: NewJob[]) {
  if (list.length === 0) return []
  // Postgres delivers the notification to every listening worker (any instance) only once
  // the transaction commits, so the rows are visible when they look. Both statements go
  // out together: one round trip on Postgres.
  const [rows] = await Promise.all([
    tx.insert(jobs).values(list.map((j) => ({
      organizationId: j.organizationId ?? null, queue: j.queue, payload: j.payload,
      runAt: j.runAt ?? new Date(), maxAttempts: j.maxAttempts ?? maxAttempts(),
    }))).returning({ id: jobs.id }),
    tx.execute(sql`select pg_notify(${JOBS_CHANNEL}, '')`),
  ])
  // On PGlite the worker's claim waits for this transaction to finish, so it sees the rows.
  signalJobs()
  return rows
}

export const maxAttempts = () => Number(process.env.JOB_MAX_ATTEMPTS ?? 8)
