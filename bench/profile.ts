// npm run bench:profile [-- --path /org1/tickets --requests 300 --as agent]
// Where a page's server CPU goes (issue 15): starts the built app (one worker) with V8's
// CPU profiler, requests one page many times, stops the server, and sums the profile's
// self time by where the code lives. Run on the 1M database (BENCH_DATABASE_URL).
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { accounts, BENCH_PASSWORD } from './config'
import { signIn } from './http'
import { start, startNodeArgs } from './server'

const { values: args } = parseArgs({ options: {
  path: { type: 'string', default: '/org1/tickets' }, requests: { type: 'string', default: '300' },
  as: { type: 'string', default: 'agent' }, port: { type: 'string', default: '3460' },
  // Read an existing profile instead of recording one.
  file: { type: 'string' },
} })
const distDir = process.env.BENCH_DIST_DIR ?? '.next-bench'

type Node = { id: number; callFrame: { functionName: string; url: string }; children?: number[] }
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number }

/** Buckets by the code's file. React and Next's app renderer ship in one bundle (app-page runtime), so they share a row. */
function bucket(url: string, fn: string): string {
  if (fn === '(garbage collector)') return 'GC'
  if (fn === '(idle)') return 'idle'
  if (fn === '(program)' || fn === '(root)') return 'V8 / native (program)'
  if (url.includes(`${distDir}/server/`) || url.includes('/.next/server/')) return 'app bundle: our code + bundled libraries (drizzle, zod, date-fns, …)'
  if (/next\/dist\/compiled\/next-server\/app-page/.test(url)) return 'React render + Next app renderer (one bundle)'
  if (/next\/dist\/compiled\/(react|react-dom|react-server-dom)/.test(url)) return 'React (other builds)'
  if (url.includes('next/dist/')) return 'Next runtime (server, router, middleware)'
  if (url.includes('node_modules/postgres/')) return 'postgres driver'
  if (url.includes('node_modules/')) return 'other libraries (external)'
  if (url === 'node:zlib') return 'gzip (node:zlib; HELPDESK_COMPRESS=off moves it to a proxy)'
  if (url.startsWith('node:internal/crypto') || fn === 'update' || fn === 'digest') return 'crypto (the session JWT: HKDF + AES-GCM per request)'
  if (/node:internal\/(streams|webstreams)|node:stream/.test(url)) return 'Node streams (incl. web streams)'
  if (fn === 'writeBuffer' || fn === 'writev' || fn === 'writeUtf8String' || fn === 'writeLatin1String') return 'Node HTTP / net'
  if (fn === 'runMicrotasks' || url === 'node:internal/process/task_queues' || url === 'node:internal/async_hooks' || url === 'node:internal/timers') return 'promises, timers, async context'
  if (url === 'node:internal/encoding' || url === 'node:buffer' || fn === 'encodeInto' || fn === 'decode') return 'text encoding (TextEncoder/Decoder, Buffer)'
  if (/node:internal\/(http|net|stream_base|tls)|node:(http|net)|_http_/.test(url)) return 'Node HTTP / net'
  if (url.startsWith('node:') || url === '') return 'Node internals, other'
  return 'other'
}

/**
 * Self time per bucket for the samples taken within [from, to] (µs on the monotonic clock
 * V8's profiler and process.hrtime share): the measured requests only, not start-up.
 */
function summarise(file: string, requests: number, from = 0, to = Infinity): string {
  const p = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile
  const byId = new Map(p.nodes.map((n) => [n.id, n]))
  const self = new Map<string, number>()
  const other = new Map<string, number>()
  let t = p.startTime
  for (let i = 0; i < p.samples.length; i++) {
    t += p.timeDeltas[i] ?? 0
    if (t < from || t > to) continue
    const n = byId.get(p.samples[i]!)!
    const b = bucket(n.callFrame.url, n.callFrame.functionName)
    const ms = (p.timeDeltas[i + 1] ?? 0) / 1000
    self.set(b, (self.get(b) ?? 0) + ms)
    if (b.startsWith('Node internals')) other.set(n.callFrame.url || n.callFrame.functionName, (other.get(n.callFrame.url || n.callFrame.functionName) ?? 0) + ms)
  }
  if (process.env.PROFILE_DETAIL) console.error([...other].sort((a, b) => b[1] - a[1]).slice(0, 15))
  const busy = [...self].filter(([b]) => b !== 'idle').reduce((s, [, ms]) => s + ms, 0)
  const rows = [...self].filter(([b]) => b !== 'idle').sort((a, b) => b[1] - a[1])
    .map(([b, ms]) => `| ${b} | ${Math.round(ms)} | ${(ms / requests).toFixed(1)} | ${Math.round((ms / busy) * 100)} % |`)
  return [`| where (self time) | total ms | ms / request | share |`, '|---|---:|---:|---:|', ...rows,
    `| **busy total** | ${Math.round(busy)} | ${(busy / requests).toFixed(1)} | 100 % |`].join('\n')
}

async function main() {
  const requests = Number(args.requests)
  const window: bigint[] = [0n, 0n]
  if (args.file) { console.log(summarise(args.file, requests)); return }
  const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL
  if (!url) throw new Error('Set BENCH_DATABASE_URL to a database filled by npm run bench:seed')
  const dir = path.resolve('test-results/cpu-profile')
  fs.rmSync(dir, { recursive: true, force: true })
  fs.mkdirSync(dir, { recursive: true })
  const server = await start({ distDir, port: Number(args.port), databaseUrl: url, workers: 1,
    nodeArgs: [...startNodeArgs(), '--cpu-prof', `--cpu-prof-dir=${dir}`] })
  try {
    const who = accounts(1)[args.as as keyof ReturnType<typeof accounts>]
    const session = await signIn(server.base, who, BENCH_PASSWORD)
    const get = async () => {
      const r = await fetch(server.base + args.path, { headers: { cookie: session.cookie } })
      if (r.status !== 200) throw new Error(`${args.path} answered ${r.status}`)
      await r.arrayBuffer()
    }
    for (let i = 0; i < 30; i++) await get()
    window[0] = process.hrtime.bigint() / 1000n
    for (let i = 0; i < requests; i++) await get()
    window[1] = process.hrtime.bigint() / 1000n
  } finally {
    await server.stop()
  }
  // The primary process only forwards; the worker's profile is the largest file.
  await new Promise((r) => setTimeout(r, 1000))
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).map((f) => path.join(dir, f))
  if (!files.length) throw new Error('no profile written (the worker did not exit cleanly)')
  const worker = files.sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0]!
  console.log(`CPU profile of ${requests} requests for ${args.path} (${args.as}), after 30 unmeasured ones; file ${path.relative(process.cwd(), worker)}\n`)
  console.log(summarise(worker, requests, Number(window[0]), Number(window[1])))
}
main().catch((e) => { console.error(e); process.exit(1) })
