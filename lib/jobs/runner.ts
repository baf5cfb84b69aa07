import 'server-only'
import { randomUUID } from 'node:crypto'
import { and, eq, inArray, sql } from 'drizzle-orm'
import { jobs } from '@/db/schema'
import { getHandle, type Db } from '@/db/client'
import { JOBS_CHANNEL, jobSignal } from './signal'

export type JobRow = typeof jobs.$inferSelect
/** A handler may ask to run again later (recurring sweeps) instead of finishing. */
export type JobHandler = (job: JobRow, db: Db) => Promise<void | { rescheduleAt: Date }>

const handlers = new Map<string, JobHandler>()

export function registerJobHandler(queue: string, handler: JobHandler) {
  handlers.set(queue, handler)
}

const LEASE_SECONDS = Number(process.env.JOB_LEASE_SECONDS ?? 120)

/** Exponential backoff with jitter: base·2^(n−1), capped at an hour. */
export function backoffMs(attempts: number, base = Number(process.env.JOB_BACKOFF_BASE_MS ?? 5_000)): number {
  const raw = Math.min(base * 2 ** Math.max(0, attempts - 1), 3_600_000)
  return Math.round(raw * (0.8 + Math.random() * 0.4))
}

/**
 * Takes up to `limit` due jobs for this worker. `SKIP LOCKED` lets concurrent workers
 * (other app instances, `npm run worker`) each take different rows; a job whose lease
 * expired (its worker died) becomes due again.
 */
export async function claimJobs(db: Db, workerId: string, limit = 10, organizationId?: string): Promise<JobRow[]> {
  const scope = organizationId ? sql`and organization_id = ${organizationId}` : sql``
  const rows = await db.execute(sql`
    update jobs set status = 'running', attempts = attempts + 1, locked_by = ${workerId},
      locked_until = now() + make_interval(secs => ${LEASE_SECONDS})
    where id in (
      select id from jobs
      where ((status = 'pending' and run_at <= now()) or (status = 'running' and locked_until < now())) ${scope}
      order by run_at
      limit ${limit}
      for update skip locked
    )
    returning id`)
  const ids = (Array.isArray(rows) ? rows : (rows as { rows: { id: string }[] }).rows).map((r) => (r as { id: string }).id)
  if (ids.length === 0) return []
  return db.select().from(jobs).where(inArray(jobs.id, ids))
}

/** Runs one claimed job and records the outcome; failures retry with backoff, then go dead. */
export async function runJob(db: Db, job: JobRow, workerId: string): Promise<'done' | 'retry' | 'dead'> {
  const mine = and(eq(jobs.id, job.id), eq(jobs.lockedBy, workerId))
  try {
    const handler = handlers.get(job.queue)
    if (!handler) throw new Error(`No handler for queue "${job.queue}"`)
    const next = await handler(job, db)
    await db.update(jobs).set(next
      ? { status: 'pending', runAt: next.rescheduleAt, attempts: 0, lockedUntil: null, lastError: null }
      : { status: 'done', finishedAt: new Date(), lockedUntil: null, lastError: null }).where(mine)
    return 'done'
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err)
    const dead = job.attempts >= job.maxAttempts
    await db.update(jobs).set(dead
      ? { status: 'dead', finishedAt: new Date(), lockedUntil: null, lastError: message }
      : { status: 'pending', runAt: new Date(Date.now() + backoffMs(job.attempts)), lockedUntil: null, lastError: message },
    ).where(mine)
    return dead ? 'dead' : 'retry'
  }
}

/**
 * Runs every job that is due now (tests, `npm run worker -- --once`), optionally for one
 * organisation only. Returns how many ran.
 */
export async function drainJobs(db: Db, opts: { workerId?: string; organizationId?: string } = {}): Promise<number> {
  const workerId = opts.workerId ?? `drain-${randomUUID()}`
  let n = 0
  for (;;) {
    const batch = await claimJobs(db, workerId, 10, opts.organizationId)
    if (batch.length === 0) return n
    for (const job of batch) await runJob(db, job, workerId)
    n += batch.length
  }
}

export type Worker = { id: string; stop: () => Promise<void> }

/**
 * The background loop: claims due jobs, runs them a few at a time, sleeps until the next
 * poll or until a job is enqueued in this process.
 */
export function startWorker(db: Db, opts: { pollMs?: number; concurrency?: number; log?: (m: string) => void } = {}): Worker {
  const id = `${process.pid}-${randomUUID().slice(0, 8)}`
  const pollMs = opts.pollMs ?? Number(process.env.JOB_POLL_MS ?? 1_000)
  const concurrency = opts.concurrency ?? 4
  let running = true
  let wake: (() => void) | null = null
  // A signal that lands while a batch runs is remembered, so the loop looks again at once.
  let signalled = false
  const onSignal = () => { signalled = true; wake?.() }
  jobSignal.on('enqueued', onSignal)
  const unlisten = getHandle().then((h) => h.listen?.(JOBS_CHANNEL, onSignal)).catch((err) => {
    opts.log?.(`worker: no LISTEN, polling only (${err instanceof Error ? err.message : err})`)
    return undefined
  })

  const loop = (async () => {
    while (running) {
      signalled = false
      let batch: JobRow[] = []
      try {
        batch = await claimJobs(db, id, concurrency)
        await Promise.all(batch.map((job) => runJob(db, job, id)))
      } catch (err) {
        opts.log?.(`worker ${id}: ${err instanceof Error ? err.message : err}`)
      }
      if (batch.length === 0 && running && !signalled) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, pollMs)
          wake = () => { clearTimeout(timer); resolve() }
        })
        wake = null
      }
    }
  })()

  return {
    id,
    stop: async () => {
      running = false
      wake?.()
      jobSignal.off('enqueued', onSignal)
      await loop
      await (await unlisten)?.()
    },
  }
}

/**
 * Makes sure a recurring job exists (one live row per key across every worker and app
 * instance, by the partial unique index); its handler reschedules itself.
 */
export async function ensureRecurring(db: Db, queue: string, runAt = new Date()) {
  await db.execute(sql`
    insert into jobs (queue, payload, singleton_key, run_at, max_attempts)
    values (${queue}, '{}'::jsonb, ${queue}, ${runAt.toISOString()}::timestamptz, 1000000)
    on conflict (singleton_key) where status in ('pending', 'running') do nothing`)
}
