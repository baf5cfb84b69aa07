import 'server-only'
import { performance } from 'node:perf_hooks'
import { sql } from 'drizzle-orm'
import type { Db } from '@/db/client'

export const ROLLUP_QUEUE = 'insight.rollup'
/** How stale the dashboard's day figures may get: the job drains the dirty hours this often. */
export const ROLLUP_EVERY_MS = Number(process.env.ROLLUP_EVERY_MS ?? 10_000)
const BATCH = 500
/** Past this many dirty hours of one org in a batch, one range rebuild beats hour-by-hour. */
const RANGE_AT = 48

const rowsOf = <T>(r: unknown): T[] => (Array.isArray(r) ? r : (r as { rows: T[] }).rows) as T[]

/**
 * Drains hours the tickets trigger marked stale (migration 0020) and rebuilds their buckets,
 * each batch in one transaction with the claim: the claimed rows are deleted, so a crash
 * rolls both back, and SKIP LOCKED lets several workers take different hours. A ticket
 * changed while this runs marks its hour again (the trigger's insert waits for our delete to
 * commit), so the next run picks it up. Returns how many hours were rebuilt.
 */
export async function refreshDirtyRollups(db: Db, opts: { maxBatches?: number } = {}): Promise<number> {
  let total = 0
  for (let b = 0; b < (opts.maxBatches ?? 20); b++) {
    const n = await db.transaction(async (tx) => {
      const claimed = rowsOf<{ organization_id: string; hour: string | Date }>(await tx.execute(sql`
        delete from ticket_rollup_dirty where (organization_id, hour) in (
          select organization_id, hour from ticket_rollup_dirty order by organization_id, hour limit ${BATCH} for update skip locked)
        returning organization_id, hour`))
      const byOrg = new Map<string, number[]>()
      for (const r of claimed) byOrg.set(r.organization_id, [...(byOrg.get(r.organization_id) ?? []), new Date(r.hour).getTime()])
      for (const [org, hours] of byOrg) {
        if (hours.length >= RANGE_AT) {
          const from = new Date(Math.min(...hours)), to = new Date(Math.max(...hours) + 3_600_000)
          await tx.execute(sql`select refresh_ticket_rollups(${org}::uuid, ${from.toISOString()}::timestamptz, ${to.toISOString()}::timestamptz)`)
        } else {
          for (const h of hours) {
            await tx.execute(sql`select refresh_ticket_rollups(${org}::uuid, ${new Date(h).toISOString()}::timestamptz, ${new Date(h + 3_600_000).toISOString()}::timestamptz)`)
          }
        }
      }
      return claimed.length
    })
    total += n
    if (n < BATCH) break
  }
  return total
}

/**
 * `npm run rollups:rebuild`: every bucket of one organisation (or all) recomputed from the
 * tickets, after a bug fix or a restore. Per organisation, in one transaction each, so the
 * dashboard reads the old buckets until the new ones commit. Returns timings per org.
 */
export async function rebuildRollups(db: Db, opts: { organizationId?: string } = {}) {
  const orgs = opts.organizationId ? [{ id: opts.organizationId }]
    : rowsOf<{ id: string }>(await db.execute(sql`select id from organizations order by created_at`))
  const out: { organizationId: string; buckets: number; ms: number }[] = []
  for (const { id } of orgs) {
    const t = performance.now()
    const buckets = await db.transaction(async (tx) => {
      await tx.execute(sql`delete from ticket_rollup_dirty where organization_id = ${id}`)
      const [row] = rowsOf<{ n: number }>(await tx.execute(sql`select refresh_ticket_rollups(${id}::uuid, '-infinity', 'infinity') as n`))
      return Number(row.n)
    })
    out.push({ organizationId: id, buckets, ms: Math.round(performance.now() - t) })
  }
  return out
}
