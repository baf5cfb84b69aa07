import { performance } from 'node:perf_hooks'
import { sql } from 'drizzle-orm'
import { getDb, closeDb } from '@/db/client'
import { loadCtx } from '@/lib/auth/load-ctx'
import { exportTickets } from '@/lib/tickets/export-tickets'
import { accounts, orgSlug } from '@/bench/config'

async function main() {
  process.env.DATABASE_URL = process.env.BENCH_DATABASE_URL
  const db = await getDb()
  const [u] = await db.execute<{ id: string }>(sql`select id from users where lower(email) = ${accounts(1).agent}`) as unknown as { id: string }[]
  const ctx = await loadCtx(db, u!.id, orgSlug(1))
  for (const extra of process.argv.slice(2)) {
    const q = Object.fromEntries(new URLSearchParams(extra))
    const s = performance.now()
    const { stream } = await exportTickets(ctx, { query: q, columns: 'number,title,status,priority,requester,assignee,team,created,updated' }, { timeZone: 'UTC' })
    const reader = stream.getReader(); let bytes = 0, first = 0
    for (;;) { const { done, value } = await reader.read(); if (done) break; bytes += value.length; if (!first && bytes > 1000) first = performance.now() - s }
    const secs = (performance.now() - s) / 1000
    console.log(`${extra}: ${(bytes/1e6).toFixed(1)} MB in ${secs.toFixed(1)} s, first page ${first.toFixed(0)} ms`)
  }
  await closeDb()
}
main()
