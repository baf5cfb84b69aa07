// The production server under test: `next start` from its own build folder and port, on
// the benchmark database, with its resident memory sampled while the load runs.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

export type Server = { base: string; proc: ChildProcess; peakRssMb: () => number; peakProcessRssMb: () => number; resetPeak: () => void; cpuMs: () => number; log: () => string; stop: () => Promise<void> }

/** The node flags of package.json's start script, so the benchmark measures what `npm start` runs. */
export function startNodeArgs(): string[] {
  const script = (JSON.parse(fs.readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts.start
  return script.split('&&').pop()!.trim().split(/\s+/).filter((a) => a.startsWith('--'))
}

export function build(distDir: string) {
  const r = spawnSync('npx', ['next', 'build'], { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, NEXT_DIST_DIR: distDir } })
  if (r.status !== 0) throw new Error('next build failed')
}

/** RSS of a process and all its descendants, in MB (Linux /proc): their sum and the largest one. */
function treeRssMb(pid: number): { total: number; largest: number } {
  let kb = 0
  let largest = 0
  const visit = (p: number) => {
    try {
      const status = fs.readFileSync(`/proc/${p}/status`, 'utf8')
      const own = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
      kb += own
      largest = Math.max(largest, own)
      for (const task of fs.readdirSync(`/proc/${p}/task`)) {
        const kids = fs.readFileSync(`/proc/${p}/task/${task}/children`, 'utf8').trim()
        for (const k of kids ? kids.split(/\s+/) : []) visit(Number(k))
      }
    } catch { /* the process ended between two reads */ }
  }
  visit(pid)
  return { total: Math.round(kb / 1024), largest: Math.round(largest / 1024) }
}

/** CPU time (user + system) used so far by a process and its descendants, in ms (Linux /proc, 100 ticks a second). */
function treeCpuMs(pid: number): number {
  let ticks = 0
  const visit = (p: number) => {
    try {
      const stat = fs.readFileSync(`/proc/${p}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      ticks += Number(fields[11]) + Number(fields[12]) // utime, stime
      for (const task of fs.readdirSync(`/proc/${p}/task`)) {
        const kids = fs.readFileSync(`/proc/${p}/task/${task}/children`, 'utf8').trim()
        for (const k of kids ? kids.split(/\s+/) : []) visit(Number(k))
      }
    } catch { /* the process ended between two reads */ }
  }
  visit(pid)
  return ticks * 10
}

export async function start(opts: { distDir: string; port: number; databaseUrl: string; nodeArgs?: string[]; workers?: number; node?: string }): Promise<Server> {
  if (!fs.existsSync(path.join(opts.distDir, 'BUILD_ID'))) throw new Error(`no production build in ${opts.distDir}; run without --no-build`)
  // Something already answering on the port would be benchmarked instead of this build.
  const taken = await fetch(`http://127.0.0.1:${opts.port}/api/health`).then(() => true, () => false)
  if (taken) throw new Error(`port ${opts.port} is already in use; stop that server or pass --port`)
  // What `npm start` runs (scripts/start.mjs: a cluster of `workers` on Postgres), with the
  // same V8 flags as package.json unless a comparison passes others.
  const proc = spawn(opts.node ?? process.execPath, [...(opts.nodeArgs ?? startNodeArgs()), path.join('scripts', 'start.mjs'), '-p', String(opts.port), '-H', '127.0.0.1'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      // The API's per-token limit would cap the API scenarios at 600 a minute; the benchmark measures the server, not the limit.
      API_RATE_LIMIT: process.env.API_RATE_LIMIT ?? '100000000',
      ...process.env, NODE_ENV: 'production', NEXT_DIST_DIR: opts.distDir, DATABASE_URL: opts.databaseUrl,
      ...(opts.workers ? { WEB_CONCURRENCY: String(opts.workers) } : {}),
      AUTH_SECRET: process.env.AUTH_SECRET ?? 'bench-secret-not-for-production-0123456789',
      // The one origin links are built from (lib/http/app-origin.ts); AUTH_URL must agree with it.
      APP_URL: `http://127.0.0.1:${opts.port}`, AUTH_URL: `http://127.0.0.1:${opts.port}`,
    },
  })
  let log = ''
  proc.stdout!.on('data', (d) => { log += d })
  proc.stderr!.on('data', (d) => { log += d; if (process.env.BENCH_VERBOSE) process.stderr.write(d) })
  proc.on('exit', (code, signal) => { log += `\n[next start exited: code ${code}, signal ${signal}]\n` })
  const base = `http://127.0.0.1:${opts.port}`
  const deadline = Date.now() + 60_000
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`next start exited:\n${log}`)
    try {
      const r = await fetch(`${base}/api/health`)
      if (r.ok) break
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) { proc.kill(); throw new Error(`server did not become healthy:\n${log}`) }
    await new Promise((r) => setTimeout(r, 250))
  }
  let peak = 0
  let peakProcess = 0
  const sample = () => {
    const rss = treeRssMb(proc.pid!)
    peak = Math.max(peak, rss.total)
    peakProcess = Math.max(peakProcess, rss.largest)
  }
  const timer = setInterval(sample, 200)
  return {
    base, proc,
    peakRssMb: () => { sample(); return peak },
    peakProcessRssMb: () => { sample(); return peakProcess },
    resetPeak: () => { peak = 0; peakProcess = 0 },
    cpuMs: () => treeCpuMs(proc.pid!),
    log: () => log.slice(-4000),
    stop: async () => {
      clearInterval(timer)
      if (proc.exitCode !== null) return
      const exited = new Promise((r) => proc.once('exit', r))
      proc.kill('SIGTERM')
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))])
      if (proc.exitCode === null) proc.kill('SIGKILL')
    },
  }
}
