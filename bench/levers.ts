// npm run bench:levers [-- --rounds N --seconds N --only "ticket list page 1"]
// Issue 15's levers, each measured side by side: the same scenario against the same 1M
// database, the lever on (A) and off (B) in alternating runs (A B A B …), so the machine's
// drift lands on both. Prints each lever's A/B ratios (median over rounds) for c=1 p50,
// c=16 req/s and server CPU per request, and writes bench/results/levers.md.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import { parseArgs } from 'node:util'

const { values: args } = parseArgs({ options: {
  rounds: { type: 'string', default: '2' }, seconds: { type: 'string', default: '5' }, only: { type: 'string', default: 'ticket list page 1' },
  levers: { type: 'string' },
} })
const npmStart = '--max-old-space-size=512'
type Side = { label: string; args: string[]; env?: Record<string, string> }
type Lever = { name: string; a: Side; b: Side }
// Every lever is compared against the same configuration with only that lever changed.
const levers: Lever[] = [
  { name: 'Node 24 vs Node 20 (1 worker)', a: { label: 'Node 24', args: ['--workers', '1'] }, b: { label: 'Node 20', args: ['--workers', '1', '--node', '/usr/bin/node'] } },
  { name: 'two workers vs one (Node 24)', a: { label: '2 workers', args: ['--workers', '2'] }, b: { label: '1 worker', args: ['--workers', '1'] } },
  { name: 'prepared statements on vs off (1 worker)', a: { label: 'prepared', args: ['--workers', '1'] }, b: { label: 'unprepared', args: ['--workers', '1'], env: { DATABASE_PREPARE: 'off' } } },
  { name: 'gzip off vs on (1 worker)', a: { label: 'no gzip', args: ['--workers', '1'], env: { HELPDESK_COMPRESS: 'off' } }, b: { label: 'gzip', args: ['--workers', '1'] } },
  // `--node-args=…` in one piece: its value starts with `--`, which parseArgs would not take as a value.
  { name: 'semi-space 64 MB vs default (1 worker)', a: { label: 'semi 64', args: ['--workers', '1', `--node-args=${npmStart} --max-semi-space-size=64`] }, b: { label: 'default', args: ['--workers', '1'] } },
]
const chosen = args.levers ? levers.filter((l) => args.levers!.split(',').some((w) => l.name.toLowerCase().includes(w.trim().toLowerCase()))) : levers

type Row = { scenario: string; concurrency: number; p50_ms: number; rps: number; cpu_ms_per_req: number; rss_mb: number }
function run(side: Side): Row[] {
  const r = spawnSync('npm', ['run', '-s', 'bench', '--', '--no-build', '--only', args.only!, '--seconds', args.seconds!, ...side.args], {
    env: { ...process.env, ...side.env, BENCH_OUT_DIR: 'test-results/bench-levers' }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
  })
  if (r.status !== 0) throw new Error(`bench failed for ${side.label}:\n${r.stdout}\n${r.stderr}`)
  return JSON.parse(fs.readFileSync('test-results/bench-levers/latest.json', 'utf8')) as Row[]
}
const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]! }
const r2 = (n: number) => Math.round(n * 100) / 100

const lines = ['| lever (scenario) | A | B | c=1 p50 ms A / B | ratio | c=16 req/s A / B | ratio | CPU ms/req (c=16) A / B | ratio | peak RSS MB A / B |', '|---|---|---|---|---:|---|---:|---|---:|---|']
for (const lever of chosen) {
  const pairs: { a: Row[]; b: Row[] }[] = []
  for (let i = 0; i < Number(args.rounds); i++) {
    process.stderr.write(`${lever.name}: round ${i + 1} `)
    const a = run(lever.a)
    const b = run(lever.b)
    pairs.push({ a, b })
    process.stderr.write('\n')
  }
  for (const scenario of [...new Set(pairs[0]!.a.map((r) => r.scenario))]) {
    const get = (rows: Row[], c: number) => rows.find((r) => r.scenario === scenario && r.concurrency === c)!
    const col = (f: (r: Row) => number, c: number) => {
      const a = pairs.map((p) => f(get(p.a, c)))
      const b = pairs.map((p) => f(get(p.b, c)))
      return { a: median(a), b: median(b), ratio: median(pairs.map((_, i) => a[i]! / b[i]!)) }
    }
    const p50 = col((r) => r.p50_ms, 1)
    const rps = col((r) => r.rps, 16)
    const cpu = col((r) => r.cpu_ms_per_req, 16)
    const rss = col((r) => r.rss_mb, 16)
    lines.push(`| ${lever.name} (${scenario}) | ${lever.a.label} | ${lever.b.label} | ${p50.a} / ${p50.b} | ${r2(p50.ratio)} | ${rps.a} / ${rps.b} | ${r2(rps.ratio)} | ${cpu.a} / ${cpu.b} | ${r2(cpu.ratio)} | ${rss.a} / ${rss.b} |`)
  }
  // Each lever's rows as soon as they are known: a later failure loses only its own.
  process.stderr.write(`${lines.slice(2).join('\n')}\n`)
}
const md = [`## Levers, side by side (${new Date().toISOString()}, ${args.rounds} alternating rounds of ${args.seconds} s each; ratio = median of per-round A/B)`, '', ...lines, ''].join('\n')
console.log(md)
fs.mkdirSync('bench/results', { recursive: true })
fs.writeFileSync(args.levers || args.only !== 'ticket list page 1' ? 'test-results/bench-levers/levers.md' : 'bench/results/levers.md', md)
