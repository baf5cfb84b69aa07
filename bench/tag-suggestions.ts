// npm run bench:tags — how the tag input's suggestions and the `tag:` filter are served, on
// BENCH_N tickets (default 5,000; ~30 % tagged from 300 tags, 1 % sensitive), on
// DATABASE_URL or the embedded database. Prints EXPLAIN ANALYZE of the two ways to suggest
// tags — unnesting the tickets' own tags (served by no index but the org's tickets) and
// the per-org counts table that listOrgTags reads — and of the `tag:` filter over the GIN index.
import { performance } from 'node:perf_hooks'
import { sql } from 'drizzle-orm'
import { captureQueries, closeDb, getDb, getHandle } from '@/db/client'
import { makeOrg } from '@/test/factory'
import { listOrgTags } from '@/lib/tickets/tags'
import { listTickets } from '@/lib/tickets/list-tickets'

const N = Number(process.env.BENCH_N ?? 5_000)

const literal = (v: unknown) => (typeof v === 'number' || typeof v === 'boolean' ? String(v) : `'${String(v).replace(/'/g, "''")}'`)
const inline = (query: string, params: unknown[]) => query.replace(/\$(\d+)/g, (_, i: string) => literal(params[Number(i) - 1]))

async function main() {
  process.env.HELPDESK_SEED = 'off'
  process.env.PGLITE_DATA_DIR ??= 'memory://'
  const { kind } = await getHandle()
  const db = await getDb()
  const o = await makeOrg()
  const noise = await makeOrg() // another org's tickets in the same tables
  const t0 = performance.now()
  for (const org of [o, noise]) {
    await db.execute(sql`
      insert into tickets (organization_id, number, title, description, requester_id, created_by_id, sensitive, tags)
      select ${org.org.id}, g, 'Bench ticket ' || g, 'x', ${org.requester.user.id}, ${org.requester.user.id}, g % 100 = 0,
        case when g % 10 < 3 then (select array_agg(distinct tag) from (
          select (array['vpn','vip','wifi','printer','vendor','vlan','voip','video'])[1 + (g * 7 + k) % 8] || case when k > 0 then '-' || ((g * 13 + k * 31) % 300) else '' end as tag
          from generate_series(0, g % 3) k) x) else '{}'::text[] end
      from generate_series(1, ${N}) g`)
    await db.execute(sql`update ticket_counters set last_number = ${N} where organization_id = ${org.org.id}`)
  }
  await db.execute(sql`analyze tickets`)
  await db.execute(sql`analyze ticket_tag_counts`)
  const loaded = performance.now() - t0

  // PGlite answers { rows }, postgres.js an array.
  const rowsOf = (r: unknown) => (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as Record<string, unknown>[]
  const explain = async (label: string, query: string) => {
    const lines = rowsOf(await db.execute(sql.raw(`explain (analyze, costs off) ${query}`))).map((r) => String(Object.values(r)[0]))
    console.log(`\n## ${label}\n${lines.join('\n')}`)
  }
  const captured = async (fn: () => Promise<unknown>) => {
    let last = ''
    captureQueries((q, p) => { last = inline(q, p) })
    await fn()
    captureQueries(undefined)
    return last
  }

  const [{ n }] = rowsOf(await db.execute(sql`select count(*)::int as n from ticket_tag_counts where organization_id = ${o.org.id}`))
  console.log(`engine: ${kind}; ${N.toLocaleString('en')} tickets in each of two orgs, ${n} distinct tags in the measured one (loaded in ${(loaded / 1000).toFixed(1)} s)`)

  // A: no tag table — unnest the tags of every visible tagged ticket (the uncleared agent's rule).
  await explain('A. suggestions from the tickets themselves (GIN index alone cannot serve a prefix)', `
    select tag, count(*) as uses from tickets cross join lateral unnest(tags) tag
    where organization_id = '${o.org.id}' and deleted_at is null and (sensitive = false or requester_id = '${o.agent.user.id}')
      and starts_with(tag, 'v') group by tag order by uses desc, tag limit 8`)
  // B: what listOrgTags sends.
  await explain('B. listOrgTags (ticket_tag_counts)', await captured(() => listOrgTags(o.agent, { prefix: 'v' })))
  await explain('B. listOrgTags, empty prefix', await captured(() => listOrgTags(o.agent, {})))
  // C: the list filtered by a tag, as the search box sends it.
  const [{ tag }] = rowsOf(await db.execute(sql`select tag from ticket_tag_counts where organization_id = ${o.org.id} and tag like '%-%' order by tickets desc limit 1`))
  await explain(`C. the list filtered by tag:${tag} (tickets_org_tags_idx)`, await captured(() => listTickets(o.agent, { q: `tag:${tag}`, sort: 'number', dir: 'desc' })))

  const time = async (fn: () => Promise<unknown>, runs = 50) => {
    await fn()
    const s = performance.now()
    for (let i = 0; i < runs; i++) await fn()
    return ((performance.now() - s) / runs).toFixed(2)
  }
  console.log(`\na round trip (select 1), mean of 50: ${await time(() => db.execute(sql`select 1`))} ms`)
  console.log(`listOrgTags('v'), mean of 50: ${await time(() => listOrgTags(o.agent, { prefix: 'v' }))} ms`)
  console.log(`unnest query ('v'), mean of 50: ${await time(() => db.execute(sql`
    select tag, count(*) as uses from tickets cross join lateral unnest(tags) tag
    where organization_id = ${o.org.id} and deleted_at is null and (sensitive = false or requester_id = ${o.agent.user.id})
      and starts_with(tag, 'v') group by tag order by uses desc, tag limit 8`))} ms`)
  await closeDb()
}
main().catch((err) => { console.error(err); process.exit(1) })
