import { performance } from 'node:perf_hooks'
import { sql } from 'drizzle-orm'
import { getDb, closeDb } from '@/db/client'
import { loadCtx } from '@/lib/auth/load-ctx'
import { countTickets, listTickets, listCategories, queueCounts } from '@/lib/tickets'
import { listColumns, listViews, viewCounts } from '@/lib/views'
import { accounts, orgSlug } from './config'

async function main() {
  process.env.DATABASE_URL = process.env.BENCH_DATABASE_URL
  const db = await getDb()
  const [u] = await db.execute<{ id: string }>(sql`select id from users where lower(email) = ${accounts(1).agent}`) as unknown as { id: string }[]
  const ctx = await loadCtx(db, u!.id, orgSlug(1))
  for (const q of process.argv.slice(2)) {
    const time = async (label: string, fn: () => Promise<unknown>) => {
      for (let i = 0; i < 2; i++) await fn()
      const t: number[] = []
      for (let i = 0; i < 9; i++) { const s = performance.now(); await fn(); t.push(performance.now() - s) }
      t.sort((a, b) => a - b)
      console.log(`${q} | ${label}: p50 ${t[4]!.toFixed(1)} ms, max ${t[8]!.toFixed(1)} ms`)
    }
    const search = { q }
    const views = await listViews(ctx)
    await time('listViews', () => listViews(ctx))
    await time('list', () => listTickets(ctx, search))
    await time('count', () => countTickets(ctx, search))
    await time('categories', () => listCategories(ctx))
    await time('queueCounts', () => queueCounts(ctx, {}))
    await time('columns', () => listColumns(ctx))
    await time('viewCounts', () => viewCounts(ctx, views, {}))
    await time('whole page (parallel)', () => Promise.all([listViews(ctx).then((v) => viewCounts(ctx, v, {})), listTickets(ctx, search), countTickets(ctx, search), listCategories(ctx), queueCounts(ctx, {}), listColumns(ctx)]))
  }
  await closeDb()
}
main()
