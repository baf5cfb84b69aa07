import { sql } from 'drizzle-orm'
import { getDb, closeDb } from '@/db/client'
import { loadCtx } from '@/lib/auth/load-ctx'
import { listTickets } from '@/lib/tickets/list-tickets'
import { capture } from '@/bench/floors'
import { accounts, orgSlug } from '@/bench/config'
import postgres from 'postgres'
async function main() {
  process.env.DATABASE_URL = process.env.BENCH_DATABASE_URL
  const db = await getDb()
  const [u] = await db.execute<{ id: string }>(sql`select id from users where lower(email) = ${accounts(1).agent}`) as unknown as { id: string }[]
  const ctx = await loadCtx(db, u!.id, orgSlug(1))
  const { queries } = await capture(() => listTickets(ctx, { q: process.argv[2], sort: process.argv[3] }))
  const pg = postgres(process.env.BENCH_DATABASE_URL!, { max: 1, connection: { jit: 'off' } })
  for (const q of queries) { const r = await pg.unsafe(`explain (analyze, buffers) ${q.sql}`, q.params as never[]); console.log(r.map((x: any) => x['QUERY PLAN']).join('\n')) }
  await pg.end(); await closeDb()
}
main()
