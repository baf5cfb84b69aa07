/**
 * Upload benchmark (issue 6): sends a 20 MB file over HTTP to `next start` through the real
 * staging endpoint (multipart, signed-in session) and reports throughput and the server's
 * peak resident memory while it streams. Uploads must stream to storage, so the peak should
 * stay far below the file size times the number of uploads in flight.
 *
 *   npm run build && npm run bench:upload          # starts `next start` on BENCH_PORT (3310) with a fresh embedded DB
 *   BENCH_URL=http://localhost:3000 BENCH_PID=<pid> npm run bench:upload   # against a server you started
 *
 * BENCH_MB (20), BENCH_RUNS (3), BENCH_EMAIL (agent@acme.test), BENCH_PASSWORD (demo1234).
 * The client streams the file from disk too, so the bench's own memory never skews the figure.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import http from 'node:http'
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'

const MB = 1024 * 1024
const sizeMb = Number(process.env.BENCH_MB ?? 20)
const runs = Number(process.env.BENCH_RUNS ?? 3)
const email = process.env.BENCH_EMAIL ?? 'agent@acme.test'
const password = process.env.BENCH_PASSWORD ?? 'demo1234'
const org = process.env.BENCH_ORG ?? 'acme'

/** Resident memory of a process and all its descendants (Linux /proc), in bytes. */
function treeRss(root: number): number {
  const children = new Map<number, number[]>()
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      children.set(ppid, [...(children.get(ppid) ?? []), Number(d)])
    } catch { /* exited */ }
  }
  let total = 0
  const stack = [root]
  while (stack.length) {
    const pid = stack.pop()!
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))
      if (m) total += Number(m[1]) * 1024
    } catch { /* exited */ }
    stack.push(...(children.get(pid) ?? []))
  }
  return total
}

async function startServer(): Promise<{ url: string; pid: number; child: ChildProcess | null }> {
  if (process.env.BENCH_URL) {
    if (!process.env.BENCH_PID) throw new Error('Set BENCH_PID to the server process id to measure its memory')
    return { url: process.env.BENCH_URL, pid: Number(process.env.BENCH_PID), child: null }
  }
  const port = Number(process.env.BENCH_PORT ?? 3310)
  const dataDir = path.join('data', `bench-upload-${port}`)
  fs.rmSync(dataDir, { recursive: true, force: true })
  fs.rmSync(`${dataDir}-uploads`, { recursive: true, force: true })
  const child = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(port)], {
    env: { ...process.env, PGLITE_DATA_DIR: dataDir, HELPDESK_SEED: 'on', NODE_ENV: 'production', APP_URL: `http://localhost:${port}`, AUTH_URL: `http://localhost:${port}` },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  const url = `http://localhost:${port}`
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${url}/sign-in`)).ok) return { url, pid: child.pid!, child }
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 500))
  }
  child.kill()
  throw new Error('next start did not come up')
}

/** Signs in through Auth.js' credentials endpoint and returns the session cookie. */
async function signIn(url: string): Promise<string> {
  const csrf = await fetch(`${url}/api/auth/csrf`)
  const { csrfToken } = (await csrf.json()) as { csrfToken: string }
  const jar = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
  const res = await fetch(`${url}/api/auth/callback/credentials`, {
    method: 'POST', redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: url }),
  })
  const session = res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.includes('session-token'))
  if (!session) throw new Error(`sign-in failed (HTTP ${res.status})`)
  return `${jar}; ${session}`
}

/** A PDF-looking file of random bytes (sniffed as application/pdf; random so nothing compresses it). */
function makeFile(): string {
  const file = path.join(os.tmpdir(), `bench-upload-${sizeMb}mb.pdf`)
  if (!fs.existsSync(file) || fs.statSync(file).size !== sizeMb * MB) {
    const fd = fs.openSync(file, 'w')
    fs.writeSync(fd, Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'))
    let written = 15
    while (written < sizeMb * MB) {
      const chunk = randomBytes(Math.min(MB, sizeMb * MB - written))
      fs.writeSync(fd, chunk)
      written += chunk.length
    }
    fs.closeSync(fd)
  }
  return file
}

/** Streams one multipart upload from disk; resolves with the HTTP status and seconds taken. */
function uploadOnce(url: string, cookie: string, file: string): Promise<{ status: number; seconds: number; body: string }> {
  const boundary = `----bench${randomBytes(8).toString('hex')}`
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${path.basename(file)}"\r\nContent-Type: application/pdf\r\n\r\n`)
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`)
  const length = head.length + fs.statSync(file).size + tail.length
  const target = new URL(`/api/${org}/attachments`, url)
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint()
    const req = http.request(target, {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': length, cookie, origin: target.origin },
    }, (res) => {
      let body = ''
      res.on('data', (c) => { body += c })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, seconds: Number(process.hrtime.bigint() - started) / 1e9, body }))
    })
    req.on('error', reject)
    req.write(head)
    const stream = fs.createReadStream(file, { highWaterMark: 256 * 1024 })
    stream.on('end', () => req.end(tail))
    stream.pipe(req, { end: false })
  })
}

async function main() {
  const server = await startServer()
  try {
    const cookie = await signIn(server.url)
    const file = makeFile()
    // One small warm-up so route compilation and first-use costs are not in the figures.
    await uploadOnce(server.url, cookie, file)
    const results: { mbps: number; seconds: number; baseline: number; peak: number }[] = []
    for (let i = 0; i < runs; i++) {
      await new Promise((r) => setTimeout(r, 1500))
      const baseline = treeRss(server.pid)
      let peak = baseline
      const timer = setInterval(() => { peak = Math.max(peak, treeRss(server.pid)) }, 25)
      const r = await uploadOnce(server.url, cookie, file)
      clearInterval(timer)
      peak = Math.max(peak, treeRss(server.pid))
      if (r.status !== 201) throw new Error(`upload refused: HTTP ${r.status} ${r.body}`)
      results.push({ mbps: sizeMb / r.seconds, seconds: r.seconds, baseline, peak })
      console.log(`run ${i + 1}: ${sizeMb} MB in ${r.seconds.toFixed(2)} s = ${(sizeMb / r.seconds).toFixed(1)} MB/s; server RSS ${(baseline / MB).toFixed(0)} MB before, peak ${(peak / MB).toFixed(0)} MB (+${((peak - baseline) / MB).toFixed(1)} MB)`)
    }
    const median = [...results].sort((a, b) => a.mbps - b.mbps)[Math.floor(results.length / 2)]
    const worstGrowth = Math.max(...results.map((r) => r.peak - r.baseline))
    console.log(`\nupload of a ${sizeMb} MB file: median ${median.mbps.toFixed(1)} MB/s (${median.seconds.toFixed(2)} s); peak server RSS ${(Math.max(...results.map((r) => r.peak)) / MB).toFixed(0)} MB, largest growth during an upload ${(worstGrowth / MB).toFixed(1)} MB`)
  } finally {
    server.child?.kill()
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
