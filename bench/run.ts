// npm run bench [-- --small] [--no-build] [--seconds N] [--only name,name]
// The HTTP benchmark on the dataset of `npm run bench:seed` (BENCH_DATABASE_URL or
// DATABASE_URL): a production build (`next start`, NEXT_DIST_DIR=.next-bench, port 3400),
// real sessions, autocannon. Each scenario runs at concurrency 1 (latency) and 16
// (throughput); each read also gets its floor (the data layer's SQL run straight through
// `postgres`) and an EXPLAIN (ANALYZE, BUFFERS). Fails if a plan scans tickets or comments
// sequentially, or if a request fails.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import postgres from 'postgres'
import { drizzle } from 'drizzle-orm/postgres-js'
import { performance } from 'node:perf_hooks'
import { BENCH_PASSWORD, accounts, orgSlug } from './config'
import { bigSeqScans, capture, explain, floorP50 } from './floors'
import { load, signIn } from './http'
import { build, start } from './server'
import type { Scenario } from './scenarios'

type Row = { scenario: string; concurrency: number; requests: number; p50_ms: number; p95_ms: number; p99_ms: number; rps: number; floor_p50_ms: number | null; rss_mb: number; process_rss_mb: number }
/** What one answer weighs: the HTML, the RSC payload inlined in it, and its elements. */
type PageSize = { html_kb: number; rsc_kb: number; elements: number }

const { values: args } = parseArgs({ options: {
  small: { type: 'boolean', default: false }, 'no-build': { type: 'boolean', default: false },
  seconds: { type: 'string' }, only: { type: 'string' }, port: { type: 'string', default: process.env.BENCH_PORT ?? '3400' },
  // For side-by-side comparisons of one lever: the server's worker count (WEB_CONCURRENCY),
  // another node binary, other V8 flags (space-separated).
  workers: { type: 'string' }, node: { type: 'string' }, 'node-args': { type: 'string' },
} })
const small = args.small
const seconds = Number(args.seconds ?? (small ? 2 : 10))
const distDir = process.env.BENCH_DIST_DIR ?? '.next-bench'
// --only runs the scenarios whose names contain one of the words (a quick look while
// tuning); its partial table never replaces the committed full one.
const only = args.only?.split(',').map((w) => w.trim().toLowerCase()).filter(Boolean)
const outDir = process.env.BENCH_OUT_DIR ?? (small ? 'test-results/bench' : only ? 'test-results/bench-only' : 'bench/results')
const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
const round = (n: number) => Math.round(n * 10) / 10

async function main() {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL
  if (!url) throw new Error('Set BENCH_DATABASE_URL (or DATABASE_URL) to a database filled by npm run bench:seed')
  process.env.DATABASE_URL = url
  fs.mkdirSync(outDir, { recursive: true })
  if (!args['no-build']) build(distDir)
  const { getDb, closeDb } = await import('@/db/client')
  const { scenarios } = await import('./scenarios')
  const db = await getDb()
  // The same start-up settings as the app's pool (db/client.ts): no JIT.
  const pg = postgres(url, { max: 1, onnotice: () => {}, connection: { jit: 'off' } })
  // Drizzle hands the driver dates and JSON as strings and sets the client up to pass them
  // through untouched; the replay client gets the same set-up so it sends identical values.
  drizzle(pg)
  const [{ tickets }] = await pg`select count(*)::int as tickets from tickets`
  const load0 = os.loadavg()[0]
  const all = await scenarios(db, distDir)
  const notes = [...all.notes,
    `server: ${args.node ?? process.execPath} (${args.node ? 'custom' : process.version}), ${args.workers ?? (process.env.WEB_CONCURRENCY || 'one per core')} worker(s), node flags: ${(args['node-args'] ?? '(as npm start)')}, prepared statements ${process.env.DATABASE_PREPARE === 'off' ? 'off' : 'on'}, compression ${process.env.HELPDESK_COMPRESS === 'off' ? 'off' : 'on'}`]
  const list = only ? all.list.filter((s) => only.some((w) => s.name.toLowerCase().includes(w))) : all.list
  if (!list.length) throw new Error(`--only ${args.only}: no scenario matches`)

  const server = await start({
    distDir, port: Number(args.port), databaseUrl: url, workers: args.workers ? Number(args.workers) : undefined,
    node: args.node, nodeArgs: args['node-args']?.split(/\s+/).filter(Boolean),
  })
  const rows: Row[] = []
  const oneShots: string[] = []
  const failures: string[] = []
  // Server CPU per request: what a request costs, whatever else the shared machine is doing.
  const cpuPerRequest: Record<string, number> = {}
  const sizes: Record<string, PageSize | null> = {}
  try {
    const sessions = {
      agent: await signIn(server.base, accounts(1).agent, BENCH_PASSWORD),
      requester: await signIn(server.base, accounts(1).requester, BENCH_PASSWORD),
      admin: await signIn(server.base, accounts(1).admin, BENCH_PASSWORD),
    }
    for (const s of list) {
      process.stderr.write(`${s.name}: `)
      const cookie = sessions[s.as].cookie
      sizes[s.name] = await check(server.base, cookie, s)
      let floor: number | null = null
      if (s.floor) {
        const { queries } = await capture(s.floor)
        const extra = s.alsoExplain ? (await capture(s.alsoExplain)).queries : []
        floor = round(await floorP50(pg, queries, small ? 10 : 50))
        const plan = await explain(pg, [...queries, ...extra], { indexesOnly: small })
        fs.writeFileSync(path.join(outDir, `explain-${slug(s.name)}.txt`), plan)
        for (const scan of bigSeqScans(plan, { strict: small })) failures.push(`${s.name}: ${scan}`)
      }
      await load({ base: server.base, cookie, connections: 1, seconds: small ? 0.5 : 2, request: s.request }) // warm-up
      server.resetPeak()
      for (const connections of [1, 16]) {
        const cpu0 = server.cpuMs()
        const r = await load({ base: server.base, cookie, connections, seconds, request: s.request })
        cpuPerRequest[`${s.name}|${connections}`] = r.requests ? round((server.cpuMs() - cpu0) / r.requests) : NaN
        const bad = r.requests - s.ok.reduce((n, code) => n + (r.statuses[code] ?? 0), 0)
        if (bad || r.errors) failures.push(`${s.name} c=${connections}: ${bad} unexpected statuses ${JSON.stringify(r.statuses)}, ${r.errors} errors`)
        rows.push({ scenario: s.name, concurrency: connections, requests: r.requests, p50_ms: round(r.p50), p95_ms: round(r.p95), p99_ms: round(r.p99),
          rps: round(r.rps), floor_p50_ms: floor, rss_mb: server.peakRssMb(), process_rss_mb: server.peakProcessRssMb() })
        process.stderr.write(`c=${connections} p50 ${round(r.p50)} ms, ${round(r.rps)} req/s; `)
      }
      process.stderr.write('\n')
    }
    if (!only || only.some((w) => 'workspace export bulk'.includes(w))) oneShots.push(...await workspaceOneShots(server, sessions.agent.cookie, db, small))
  } catch (err) {
    console.error(`server log (tail):\n${server.log()}`)
    throw err
  } finally {
    await server.stop()
    await pg.end()
    await closeDb()
  }

  const md = report(rows, cpuPerRequest, sizes, { workers: Number(args.workers ?? process.env.WEB_CONCURRENCY ?? os.availableParallelism()), tickets, seconds, load0, load1: os.loadavg()[0], notes, failures, small }) + (oneShots.length ? `\n\nOne-shot workspace operations:\n${oneShots.join('\n')}` : '')
  console.log(md)
  fs.writeFileSync(path.join(outDir, 'latest.json'), JSON.stringify(rows.map((r) => ({ ...r, cpu_ms_per_req: cpuPerRequest[`${r.scenario}|${r.concurrency}`], ...(r.concurrency === 1 ? sizes[r.scenario] ?? {} : {}) })), null, 2) + '\n')
  fs.writeFileSync(path.join(outDir, 'latest.md'), md + '\n')
  if (failures.length) {
    console.error(`\nBenchmark FAILED:\n${failures.map((f) => `- ${f}`).join('\n')}`)
    process.exit(1)
  }
}

/**
 * Issue 14's one-shot operations: a CSV export of the high-priority tickets streamed through
 * the server (rows/s, and the server's RSS before and at its peak: the export streams, so it
 * stays flat), and a bulk priority change of 500 tickets in one transaction (the verb the
 * list's bulk bar calls, in this process against the same database).
 */
async function workspaceOneShots(server: Awaited<ReturnType<typeof start>>, cookie: string, db: Awaited<ReturnType<typeof import('@/db/client').getDb>>, small: boolean): Promise<string[]> {
  const { loadCtx } = await import('@/lib/auth/load-ctx')
  const { bulkUpdate, listTickets } = await import('@/lib/tickets')
  const { sql } = await import('drizzle-orm')
  const org = orgSlug(1)
  const out: string[] = []
  server.resetPeak()
  const rssBefore = server.peakRssMb()
  const t0 = performance.now()
  const res = await fetch(`${server.base}/${org}/tickets/export?priority=high&columns=number,title,status,priority,requester,assignee,team,created,updated`, { headers: { cookie } })
  if (!res.ok || !res.body) throw new Error(`export answered ${res.status}`)
  let rows = -1 // the header line
  let bytes = 0
  const decoder = new TextDecoder()
  const reader = res.body.getReader()
  for (;;) {
    const { done, value: chunk } = await reader.read()
    if (done) break
    bytes += chunk.byteLength
    // Rows end in CRLF; a CRLF inside a quoted cell is rare in the seeded text and ignored here.
    rows += (decoder.decode(chunk, { stream: true }).match(/\r\n/g) ?? []).length
  }
  const secs = (performance.now() - t0) / 1000
  out.push(`- CSV export (priority:high): ${rows.toLocaleString('en')} rows, ${(bytes / 1e6).toFixed(1)} MB in ${secs.toFixed(1)} s = ${Math.round(rows / secs).toLocaleString('en')} rows/s; server RSS ${rssBefore} MB before, peak ${server.peakRssMb()} MB during`)
  const [u] = await db.execute<{ id: string }>(sql`select id from users where lower(email) = ${accounts(1).agent}`) as unknown as { id: string }[]
  const agent = await loadCtx(db, u!.id, org)
  const ids: string[] = []
  let after: string | undefined
  const want = small ? 100 : 500
  while (ids.length < want) {
    const p = await listTickets(agent, { status: 'open,in_progress', sort: 'number', ...(after ? { after } : {}) })
    ids.push(...p.rows.map((r) => r.id))
    if (!p.next) break
    after = p.next
  }
  const selection = { by: 'ids' as const, ids: ids.slice(0, want) }
  for (const priority of ['high', 'normal'] as const) {
    const b0 = performance.now()
    const r = await bulkUpdate(agent, { selection, action: { type: 'priority', priority } })
    const ms = performance.now() - b0
    out.push(`- bulk priority → ${priority} on ${selection.ids.length} tickets, one transaction: ${Math.round(ms)} ms (${(ms / selection.ids.length).toFixed(1)} ms a ticket), ${r.applied} applied, ${r.refused} refused`)
  }
  return out
}

/** One request before the load: the page or action must succeed, not just answer. */
async function check(base: string, cookie: string, s: Scenario): Promise<PageSize | null> {
  const r = s.request()
  const res = await fetch(base + r.path, { method: r.method, headers: { cookie, accept: 'text/html', ...r.headers }, body: r.body, redirect: 'manual' })
  const text = await res.text()
  if (!s.ok.includes(res.status)) throw new Error(`${s.name}: ${r.method} ${r.path} answered ${res.status}\n${text.slice(0, 500)}`)
  if (res.headers.get('location')?.includes('/sign-in') || /"ok":false/.test(text)) throw new Error(`${s.name}: the request was refused\n${text.slice(0, 1000)}`)
  // A server action's answer (RSC): its size is what the write sends back, e.g. a re-rendered page.
  if (res.headers.get('content-type')?.startsWith('text/x-component')) return { html_kb: 0, rsc_kb: round(Buffer.byteLength(text) / 1024), elements: 0 }
  if (!res.headers.get('content-type')?.startsWith('text/html')) return null
  // The RSC payload rides in the page as self.__next_f.push([1,"…"]) scripts; elements are
  // the tags outside scripts (what the browser builds), roughly.
  const rsc = [...text.matchAll(/<script[^>]*>self\.__next_f\.push\(([\s\S]*?)\)<\/script>/g)].reduce((n, m) => n + m[1]!.length, 0)
  const markup = text.replace(/<script[\s\S]*?<\/script>/g, '')
  return { html_kb: round(Buffer.byteLength(text) / 1024), rsc_kb: round(rsc / 1024), elements: (markup.match(/<[a-zA-Z][a-zA-Z0-9-]*[\s>/]/g) ?? []).length }
}

function report(rows: Row[], cpu: Record<string, number>, sizes: Record<string, PageSize | null>, m: { workers: number; tickets: number; seconds: number; load0: number; load1: number; notes: string[]; failures: string[]; small: boolean }) {
  const head = '| scenario | c | requests | p50 ms | p95 ms | p99 ms | req/s | floor p50 ms | server RSS MB | server CPU ms/req | page KB (HTML / RSC) | elements |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|'
  const size = (r: Row) => { const z = sizes[r.scenario]; return r.concurrency === 1 && z ? `${z.html_kb} / ${z.rsc_kb} | ${z.elements}` : ' | ' }
  const body = rows.map((r) => `| ${r.scenario} | ${r.concurrency} | ${r.requests} | ${r.p50_ms} | ${r.p95_ms} | ${r.p99_ms} | ${r.rps} | ${r.floor_p50_ms ?? '—'} | ${r.rss_mb} | ${cpu[`${r.scenario}|${r.concurrency}`]} | ${size(r)} |`).join('\n')
  const c1 = rows.filter((r) => r.concurrency === 1 && !r.scenario.startsWith('framework floor'))
  const reads = c1.filter((r) => r.floor_p50_ms !== null)
  const writes = c1.filter((r) => r.floor_p50_ms === null)
  const list16 = rows.find((r) => r.scenario === 'ticket list page 1' && r.concurrency === 16)
  const rss = Math.max(...rows.map((r) => r.rss_mb))
  const rssProcess = Math.max(...rows.map((r) => r.process_rss_mb))
  const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED')
  const targets = [
    `- read p95 ≤ 50 ms at c=1: ${verdict(reads.every((r) => r.p95_ms <= 50))} (worst ${Math.max(...reads.map((r) => r.p95_ms))} ms)`,
    `- read p50 within 15 ms of floor: ${verdict(reads.every((r) => r.p50_ms - r.floor_p50_ms! <= 15))} (largest gap ${round(Math.max(...reads.map((r) => r.p50_ms - r.floor_p50_ms!)))} ms)`,
    `- ticket list ≥ 60 req/s at c=16 on this machine (long-run goal 200): ${verdict((list16?.rps ?? 0) >= 60)} (${list16?.rps} req/s)`,
    `- writes p95 ≤ 50 ms at c=1: ${verdict(writes.every((r) => r.p95_ms <= 50))} (worst ${Math.max(...writes.map((r) => r.p95_ms))} ms)`,
    `- server RSS ≤ 600 MB per process: ${verdict(rssProcess <= 600)} (largest process ${rssProcess} MB; ${m.workers} worker${m.workers === 1 ? '' : 's'} and the primary together ${rss} MB)`,
  ]
  return [
    `## Benchmark: ${m.tickets.toLocaleString('en')} tickets${m.small ? ' (small mode)' : ''}`,
    '',
    `${new Date().toISOString()} · ${os.cpus().length} cores, load average ${m.load0.toFixed(1)} → ${m.load1.toFixed(1)} (shared machine) · ${m.seconds} s per run · latency at c=1, throughput at c=16`,
    '',
    head, body, '',
    'Targets:', ...targets, '',
    `Plan check (no sequential scan of tickets or comments${m.small ? ', with enable_seqscan off: an index path must exist' : ''}): ${m.failures.some((f) => f.includes('Seq Scan')) ? 'FAILED' : 'passed'}`,
    ...m.notes.map((n) => `\nNote: ${n}`),
  ].join('\n')
}

main().catch((err) => { console.error(err); process.exit(1) })
