// `npm run rollups:rebuild [-- --org <slug>]`: recomputes the dashboard's hourly rollup
// (lib/insight/rollups.ts) from the tickets, for every organisation or one, with timings.
import { parseArgs } from 'node:util'
import { performance } from 'node:perf_hooks'
import { sql } from 'drizzle-orm'
import { getHandle, closeDb } from '@/db/client'
import { rebuildRollups } from '@/lib/insight/rollups'

async function main() {
  const { values } = parseArgs({ options: { org: { type: 'string' } } })
  const { db } = await getHandle()
  let organizationId: string | undefined
  if (values.org) {
    const r = await db.execute(sql`select id from organizations where slug = ${values.org}`)
    const rows = (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as { id: string }[]
    if (!rows[0]) throw new Error(`No organisation with slug "${values.org}"`)
    organizationId = rows[0].id
  }
  const t = performance.now()
  const out = await rebuildRollups(db, { organizationId })
  for (const o of out) console.log(`${o.organizationId}: ${o.buckets} buckets in ${o.ms} ms`)
  console.log(`Rebuilt ${out.length} organisation(s) in ${Math.round(performance.now() - t)} ms`)
  await closeDb()
}
main().catch((err) => { console.error(err); process.exit(1) })
