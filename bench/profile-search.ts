// Times the search page's data-layer calls one by one at the bench database (for tuning).
// BENCH_DATABASE_URL=… npx tsx --conditions=react-server --tsconfig tsconfig.json bench/profile-search.ts "jams printer"
import { performance } from 'node:perf_hooks'
import { sql } from 'drizzle-orm'
import { getDb, closeDb } from '@/db/client'
import { loadCtx } from '@/lib/auth/load-ctx'
import { countTickets, listTickets } from '@/lib/tickets/list-tickets'
import { accounts, orgSlug } from './config'

async function main() {
  process.env.DATABASE_URL = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL
  const db = await getDb()
  const [u] = await db.execute<{ id: string }>(sql`select id from users where lower(email) = ${accounts(1).agent}`) as unknown as { id: string }[]
  const ctx = await loadCtx(db, u!.id, orgSlug(1))
  for (const q of process.argv.slice(2)) {
    const time = async (label: string, fn: () => Promise<unknown>) => {
      for (let i = 0; i < 3; i++) await fn()
      const t: number[] = []
      for (let i = 0; i < 15; i++) { const s = performance.now(); await fn(); t.push(performance.now() - s) }
      t.sort((a, b) => a - b)
      console.log(`${q} | ${label}: p50 ${t[7]!.toFixed(1)} ms, max ${t[14]!.toFixed(1)} ms`)
    }
    await time('list', () => listTickets(ctx, { q }))
    await time('count', () => countTickets(ctx, { q }))
    await time('list relevance', () => listTickets(ctx, { q, sort: 'relevance' }))
  }
  await closeDb()
}
main()
