import 'server-only'
import { sql } from 'drizzle-orm'
import { getDb } from '@/db/client'

/** One trivial round-trip, so a load balancer's health check fails when the database is unreachable. */
export async function checkDatabase(): Promise<void> {
  const db = await getDb()
  await db.execute(sql`select 1`)
}
