// npm run bench:seed -- --tickets N [--reset]
// Fills the Postgres at BENCH_DATABASE_URL (or DATABASE_URL) with the benchmark dataset:
// 10 organisations (org1 holds 60 %), 2,000 agents in teams, 200,000 requesters, N tickets
// (default 1,000,000) with ~5 comments each. Set-based: everything is generated in SQL.
//
// Organisations, their admins and SLA policies go through the domain functions, so each
// org's audit chain is genuine. The bulk rows (people, teams, tickets, comments) are
// written without audit events — as an import would be — which leaves every chain intact:
// the chain covers the events that exist, and none is added, edited or removed. The seeder
// verifies the chains at the end.
import { performance } from 'node:perf_hooks'
import path from 'node:path'
import { parseArgs } from 'node:util'
import postgres from 'postgres'
import { drizzle } from 'drizzle-orm/postgres-js'
import { migrate } from 'drizzle-orm/postgres-js/migrator'
import { AGENTS, accounts, BENCH_PASSWORD, CATEGORIES, ORG_COUNT, orgSlug, POLICIES, REQUESTERS, shareOf, TEAM_SIZE } from './config'
import { Progress } from './progress'
import { lookups, people, slaEvents, teams, tempTables, ticketChunk } from './seed-sql'
import { withoutIndexes } from './seed-indexes'

const CHUNK = 50_000

export function benchUrl(): string {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL
  if (!url) throw new Error('Set BENCH_DATABASE_URL (or DATABASE_URL) to the Postgres database to fill')
  return url
}

async function main() {
  const { values } = parseArgs({ options: { tickets: { type: 'string', default: '1000000' }, reset: { type: 'boolean', default: false } } })
  const total = Number(values.tickets)
  if (!Number.isInteger(total) || total < ORG_COUNT * 100) throw new Error(`--tickets must be an integer of at least ${ORG_COUNT * 100}`)
  const url = benchUrl()
  // The domain functions below open the app's own pool on this database.
  process.env.DATABASE_URL = url
  const t0 = performance.now()
  const admin = postgres(url, { max: 1, onnotice: () => {} })

  const [{ n: existing }] = await admin`select count(*)::int as n from pg_tables where schemaname = 'public' and tablename = 'organizations'`
    .catch(() => [{ n: 0 }])
  if (existing && !values.reset) {
    const [{ orgs }] = await admin`select count(*)::int as orgs from organizations`
    if (orgs > 0) throw new Error('The database already holds organisations; pass --reset to wipe it first')
  }
  if (values.reset) await admin.unsafe('drop schema if exists drizzle cascade; drop schema public cascade; create schema public;')
  await migrate(drizzle(admin), { migrationsFolder: path.join(process.cwd(), 'db', 'migrations') })

  const chunks: { k: number; lo: number; hi: number }[] = []
  for (let k = 1; k <= ORG_COUNT; k++) {
    const n = shareOf(total, k)
    for (let lo = 1; lo <= n; lo += CHUNK) chunks.push({ k, lo, hi: Math.min(n, lo + CHUNK - 1) })
  }
  // Weights: what each phase roughly costs, measured at 1M tickets.
  const bar = new Progress(100)
  bar.step('organisations, admins and SLA policies')
  const orgs = await createOrgs()
  bar.advance(1)

  const { hashPassword } = await import('@/lib/auth/password')
  const hash = await hashPassword(BENCH_PASSWORD)
  await admin.begin(async (tx) => {
    await tx.unsafe(`set local maintenance_work_mem = '1GB'; set local work_mem = '256MB'; set local synchronous_commit = off; set local temp_buffers = '512MB'`)
    await tx.unsafe(tempTables)
    for (const o of orgs) {
      const agents = shareOf(AGENTS, o.k)
      await tx`insert into bench_orgs ${tx({ k: o.k, id: o.id, n: shareOf(total, o.k), n_agents: agents, n_req: shareOf(REQUESTERS, o.k), n_teams: Math.max(3, Math.round(agents / TEAM_SIZE)) })}`
    }
    await tx.unsafe(lookups)
    // Accounts, memberships, teams, tickets and comments load with their indexes and keys dropped.
    // The per-row search triggers (migration 0019) are off for the load: every org searches
    // in 'simple' (the column default), and the conversation's words go onto the tickets in
    // one set-based update at the end instead of one ticket update per comment.
    await tx.unsafe('alter table tickets disable trigger tickets_search_config; alter table comments disable trigger comments_search_config; alter table comments disable trigger comments_search')
    await withoutIndexes(tx, ['users', 'memberships', 'team_members', 'tickets', 'comments'], async () => {
      bar.step('people, memberships and teams')
      await tx.unsafe(people(hash))
      await tx.unsafe(teams)
      bar.advance(4)
      for (const c of chunks) {
        bar.step(`tickets and comments: org${c.k} #${c.lo.toLocaleString('en')}–${c.hi.toLocaleString('en')}`)
        await tx.unsafe(ticketChunk(c.k, c.lo, c.hi))
        bar.advance((62 * (c.hi - c.lo + 1)) / total)
      }
      bar.step('the conversation\'s words onto the tickets')
      await tx.unsafe(`update tickets t set reply_vector = coalesce(c.replies, ''::tsvector), note_vector = coalesce(c.notes, ''::tsvector)
        from (select organization_id, ticket_id,
            helpdesk_tsvector_agg(search_vector order by created_at, id) filter (where not internal) as replies,
            helpdesk_tsvector_agg(search_vector order by created_at, id) filter (where internal) as notes
          from comments group by organization_id, ticket_id) c
        where t.organization_id = c.organization_id and t.id = c.ticket_id`)
      bar.step('rebuilding indexes and constraints')
    })
    await tx.unsafe('alter table tickets enable trigger tickets_search_config; alter table comments enable trigger comments_search_config; alter table comments enable trigger comments_search')
    bar.advance(22)
    bar.step('SLA events, counters, statistics')
    await tx.unsafe(slaEvents)
    await tx.unsafe(`update ticket_counters c set last_number = o.n from bench_orgs o where c.organization_id = o.id`)
    bar.advance(2)
  })
  bar.step('vacuum analyze (visibility map for index-only scans)')
  await admin.unsafe('vacuum analyze')
  bar.advance(9)

  const { getDb, closeDb } = await import('@/db/client')
  const { verifyAllChains } = await import('@/lib/audit/verify')
  const chains = await verifyAllChains(await getDb())
  const broken = chains.filter((c) => !c.ok)
  const [{ tickets, comments }] = await admin`select (select count(*) from tickets)::int as tickets, (select count(*) from comments)::int as comments`
  await closeDb()
  await admin.end()
  const secs = (performance.now() - t0) / 1000
  bar.finish(`Seeded ${tickets.toLocaleString('en')} tickets and ${comments.toLocaleString('en')} comments in ${orgs.length} organisations`)
  console.log(JSON.stringify({ tickets, comments, seconds: Math.round(secs * 10) / 10, auditChains: broken.length ? 'BROKEN' : 'ok' }))
  console.error(`Sign in as ${accounts(1).agent} / ${BENCH_PASSWORD} (also ${accounts(1).admin}, ${accounts(1).cleared}, ${accounts(1).requester})`)
  if (broken.length) throw new Error(`audit chain broken in ${broken.map((c) => c.slug).join(', ')}`)
}

/** Organisations, their admins, categories and 24/7 SLA policies, through the domain functions. */
async function createOrgs() {
  const { getDb } = await import('@/db/client')
  const { createUser } = await import('@/lib/users/create-user')
  const { createOrganization } = await import('@/lib/orgs/create-organization')
  const { loadCtx } = await import('@/lib/auth/load-ctx')
  const { savePolicy } = await import('@/lib/sla/policies')
  const db = await getDb()
  const out: { k: number; id: string }[] = []
  for (let k = 1; k <= ORG_COUNT; k++) {
    const user = await createUser(db, { email: accounts(k).admin, name: `Bench Admin ${k}`, password: BENCH_PASSWORD })
    const { org } = await createOrganization(db, user.id, {
      slug: orgSlug(k), name: k === 1 ? 'Bench Org 1 (60 % of tickets)' : `Bench Org ${k}`,
      settings: { timezone: 'UTC' }, categories: CATEGORIES.map((c) => ({ name: c.name, sensitive: 'sensitive' in c && !!c.sensitive })),
    })
    const ctx = await loadCtx(db, user.id, org.slug)
    for (const p of POLICIES) await savePolicy(ctx, { ...p, businessHours: false })
    out.push({ k, id: org.id })
  }
  return out
}

main().then(() => process.exit(0), (err) => { console.error(err); process.exit(1) })
