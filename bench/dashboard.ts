// npm run bench:dashboard — the dashboard's data layer at the bench database (1M tickets):
// the rollup rebuild's time, the incremental job's time for a day of dirty hours, and
// getDashboard / getReport p50 and p95 for the people who open it. No Next.js: the page's
// HTTP row is `npm run bench -- --only dashboard`.
// BENCH_DATABASE_URL=… npm run bench:dashboard [-- --runs 40] [--no-rebuild]
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { sql } from 'drizzle-orm'
import { getDb, closeDb } from '@/db/client'
import { loadCtx } from '@/lib/auth/load-ctx'
import { getDashboard, getReport } from '@/lib/insight'
import { rebuildRollups, refreshDirtyRollups } from '@/lib/insight/rollups'
import { accounts, orgSlug } from './config'

const rowsOf = <T>(r: unknown): T[] => (Array.isArray(r) ? r : (r as { rows: T[] }).rows) as T[]

async function main() {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '40' }, 'no-rebuild': { type: 'boolean', default: false } } })
  process.env.DATABASE_URL = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL
  const db = await getDb()
  const ctxOf = async (email: string) => {
    const [u] = rowsOf<{ id: string }>(await db.execute(sql`select id from users where lower(email) = ${email}`))
    if (!u) throw new Error(`${email} is missing: run npm run bench:seed first`)
    return loadCtx(db, u.id, orgSlug(1))
  }
  const [admin, agent, cleared] = [await ctxOf(accounts(1).admin), await ctxOf(accounts(1).agent), await ctxOf(accounts(1).cleared)]
  const [{ n: tickets }] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from tickets`))
  console.log(`${tickets.toLocaleString('en')} tickets; org1 holds ${rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from tickets where organization_id = ${admin.org.id}`))[0].n.toLocaleString('en')}`)

  if (!values['no-rebuild']) {
    const t = performance.now()
    const out = await rebuildRollups(db)
    console.log(`rollup rebuild, all ${out.length} orgs: ${Math.round(performance.now() - t)} ms (org1: ${out.find((o) => o.organizationId === admin.org.id)?.ms} ms, ${out.reduce((a, o) => a + o.buckets, 0).toLocaleString('en')} buckets)`)
  }
  // A day of org1's hours made dirty (as a day of ticket changes would), then drained by the job.
  await db.execute(sql`insert into ticket_rollup_dirty (organization_id, hour)
    select ${admin.org.id}::uuid, h from generate_series(date_trunc('hour', now() - interval '23 hours'), date_trunc('hour', now()), interval '1 hour') h on conflict do nothing`)
  let t = performance.now()
  const hours = await refreshDirtyRollups(db)
  console.log(`incremental refresh of ${hours} dirty hours: ${Math.round(performance.now() - t)} ms`)
  await db.execute(sql`insert into ticket_rollup_dirty (organization_id, hour) values (${admin.org.id}, date_trunc('hour', now())) on conflict do nothing`)
  t = performance.now()
  await refreshDirtyRollups(db)
  console.log(`incremental refresh of 1 dirty hour: ${Math.round(performance.now() - t)} ms`)

  const runs = Number(values.runs)
  const today = new Date().toISOString().slice(0, 10)
  const yearAgo = new Date(Date.now() - 364 * 86_400_000).toISOString().slice(0, 10)
  const [team] = rowsOf<{ id: string }>(await db.execute(sql`select team_id as id from team_members where organization_id = ${admin.org.id} and user_id = ${agent.user.id} limit 1`))
  const time = async (label: string, fn: () => Promise<unknown>) => {
    for (let i = 0; i < 3; i++) await fn()
    const ts: number[] = []
    for (let i = 0; i < runs; i++) { const s = performance.now(); await fn(); ts.push(performance.now() - s) }
    ts.sort((a, b) => a - b)
    const p = (q: number) => ts[Math.min(ts.length - 1, Math.ceil(q * ts.length) - 1)]!.toFixed(1)
    console.log(`| ${label} | ${p(0.5)} | ${p(0.95)} |`)
  }
  console.log('\n| data layer (org1) | p50 ms | p95 ms |\n|---|---|---|')
  await time('dashboard, admin, 30 days', () => getDashboard(admin, {}, { timeZone: 'UTC' }))
  await time('dashboard, admin, 365 days', () => getDashboard(admin, { from: yearAgo, to: today }, { timeZone: 'UTC' }))
  await time('dashboard, admin, 30 days, one team', () => getDashboard(admin, { team: team.id }, { timeZone: 'UTC' }))
  await time('dashboard, agent (own + teams), 30 days', () => getDashboard(agent, {}, { timeZone: 'UTC' }))
  await time('dashboard, cleared agent, 30 days', () => getDashboard(cleared, {}, { timeZone: 'UTC' }))
  await time('report by agent, admin, 30 days', () => getReport(admin, {}, { by: 'agent', timeZone: 'UTC' }))
  await time('report by team, admin, 30 days', () => getReport(admin, {}, { by: 'team', timeZone: 'UTC' }))
  await closeDb()
}
main().catch((err) => { console.error(err); process.exit(1) })
