// Query floors and plans: the SQL the data-access layer sends for a scenario, recorded
// from the real domain functions (db/client's query hook), then replayed straight through
// `postgres` — no Next.js, no rendering, no auth — and explained.
import { performance } from 'node:perf_hooks'
import type postgres from 'postgres'
import { captureQueries } from '@/db/client'

export type Query = { sql: string; params: unknown[] }

/** Runs `fn` and returns the statements it sent, in order. */
export async function capture<T>(fn: () => Promise<T>): Promise<{ result: T; queries: Query[] }> {
  const queries: Query[] = []
  captureQueries((sql, params) => queries.push({ sql, params: [...params] }))
  try {
    return { result: await fn(), queries }
  } finally {
    captureQueries(undefined)
  }
}

const isRead = (q: Query) => /^\s*(with\b[\s\S]*?\)\s*)?select\b/i.test(q.sql)

/** p50 of running the statements one after another on one connection (writes inside a rolled-back transaction). */
export async function floorP50(pg: postgres.Sql, queries: Query[], runs: number): Promise<number> {
  const once = async () => {
    if (queries.every(isRead)) {
      for (const q of queries) await pg.unsafe(q.sql, q.params as never[])
      return
    }
    await pg.begin(async (tx) => {
      for (const q of queries) await tx.unsafe(q.sql, q.params as never[])
      throw new Rollback()
    }).catch((e) => { if (!(e instanceof Rollback)) throw e })
  }
  for (let i = 0; i < 3; i++) await once()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    await once()
    times.push(performance.now() - t)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)]
}

class Rollback extends Error {}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of each statement; writes are rolled back. On a small dataset
 * a sequential scan is often the planner's honest best, so `indexesOnly` asks whether an
 * index path exists at all (enable_seqscan off): if the plan still scans, none does.
 */
export async function explain(pg: postgres.Sql, queries: Query[], opts: { indexesOnly?: boolean } = {}): Promise<string> {
  const out: string[] = []
  await pg.begin(async (tx) => {
    if (opts.indexesOnly) await tx.unsafe('set local enable_seqscan = off')
    for (const q of queries) {
      const rows = await tx.unsafe<{ 'QUERY PLAN': string }[]>(`explain (analyze, buffers) ${q.sql}`, q.params as never[])
      out.push(`${q.sql.split('\n').map((l) => `-- ${l}`).join('\n')}\n-- params: ${JSON.stringify(q.params)}\n${rows.map((r) => r['QUERY PLAN']).join('\n')}\n`)
      // The relevance window sets planner switches and puts back the values it found when
      // it was captured (enable_seqscan on): the check's own setting is put back after it.
      if (opts.indexesOnly && /set_config\('enable_seqscan'/.test(q.sql)) await tx.unsafe('set local enable_seqscan = off')
    }
    throw new Rollback()
  }).catch((e) => { if (!(e instanceof Rollback)) throw e })
  return out.join('\n')
}

/** The sequential scans of the big tables in a plan (the benchmark fails on any). */
export function bigSeqScans(plan: string, opts: { strict?: boolean } = {}): string[] {
  // A sequential scan under a LIMIT that stops after a few thousand rows (a capped count of
  // a common word: 1,001 matches among the first 21,000 rows) reads less than an index path
  // would; one that walks the table is what this check is for. Rows read = rows returned +
  // rows removed by its filter, per loop, from EXPLAIN ANALYZE. Without ANALYZE figures
  // any sequential scan counts, and so does every one with `strict` (small mode, where
  // enable_seqscan is off: a scan there means no index path exists at all).
  const lines = plan.split('\n')
  const out: string[] = []
  lines.forEach((line, i) => {
    const m = /Seq Scan on (tickets|comments)\b.*/.exec(line)
    if (!m) return
    const actual = /actual time=[\d.]+\.\.[\d.]+ rows=(\d+) loops=(\d+)/.exec(line)
    const removed = /^\s*Rows Removed by Filter: (\d+)/.exec(lines.slice(i + 1, i + 4).find((l) => /Rows Removed by Filter/.test(l)) ?? '')
    const read = actual ? (Number(actual[1]) + Number(removed?.[1] ?? 0)) * Number(actual[2]) : Infinity
    if (opts.strict || read > SEQ_SCAN_ROWS_OK) out.push(`${m[0].trim()}${Number.isFinite(read) ? ` (read ${read} rows)` : ''}`)
  })
  return out
}

/** A sequential scan that reads at most this many rows is an early stop, not a table walk. */
const SEQ_SCAN_ROWS_OK = 50_000
