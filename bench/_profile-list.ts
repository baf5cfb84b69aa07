import { performance } from 'node:perf_hooks'
import { sql } from 'drizzle-orm'
import { getDb, closeDb } from '@/db/client'
import { loadCtx } from '@/lib/auth/load-ctx'
import { listTickets } from '@/lib/tickets'
import { snippetsFor } from '@/lib/search/text'
import { parseSearch } from '@/lib/search/query'
import { accounts, orgSlug } from './config'

async function main() {
  process.env.DATABASE_URL = process.env.BENCH_DATABASE_URL
  const db = await getDb()
  const [u] = await db.execute<{ id: string }>(sql`select id from users where lower(email) = ${accounts(1).agent}`) as unknown as { id: string }[]
  const ctx = await loadCtx(db, u!.id, orgSlug(1))
  const time = async (label: string, fn: () => Promise<unknown>) => {
    for (let i = 0; i < 2; i++) await fn()
    const t: number[] = []
    for (let i = 0; i < 9; i++) { const s = performance.now(); await fn(); t.push(performance.now() - s) }
    t.sort((a, b) => a - b)
    console.log(`${label}: p50 ${t[4]!.toFixed(1)} ms, min ${t[0]!.toFixed(1)} ms`)
  }
  for (const q of process.argv.slice(2)) {
    const page = await listTickets(ctx, { q })
    const ids = page.rows.map((r) => r.id)
    await time(`${q} relevance`, () => listTickets(ctx, { q }))
    await time(`${q} sort=number`, () => listTickets(ctx, { q, sort: 'number' }))
    await time(`${q} snippets only`, () => snippetsFor(db, ctx, ids, parseSearch(q).query))
  }
  await closeDb()
}
main()
