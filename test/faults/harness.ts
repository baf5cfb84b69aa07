// What the fault tests share: a database of their own (a PGlite directory, or a fresh
// database on DATABASE_URL's server), a production server (`next start` from the build)
// they can kill -9 and start again, and direct SQL to check what survived.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export const distDir = process.env.FAULTS_DIST_DIR ?? process.env.NEXT_DIST_DIR ?? '.next'
/** First of the ports the fault tests use (each file takes its own offset). */
export const basePort = Number(process.env.FAULTS_PORT ?? 3640)
export const onPostgres = !!process.env.DATABASE_URL

export type Target = { kind: 'pglite'; dir: string; env: Record<string, string> } | { kind: 'postgres'; url: string; env: Record<string, string> }

/** The server's URL with another database name (same host, port, user). */
function withDatabase(url: string, name: string) {
  const u = new URL(url)
  u.pathname = `/${name}`
  return u.toString()
}

export async function sql<T = Record<string, unknown>>(target: Target, text: string, params: unknown[] = []): Promise<T[]> {
  if (target.kind === 'postgres') {
    const { default: postgres } = await import('postgres')
    const client = postgres(target.url, { max: 1, onnotice: () => {} })
    try { return (await client.unsafe(text, params as never[])) as unknown as T[] } finally { await client.end() }
  }
  // Opening the directory is itself part of the check: PGlite replays its WAL here after a kill.
  const { PGlite } = await import('@electric-sql/pglite')
  // With the same contrib extensions the app loads: the schema's indexes and functions use them.
  const { pgliteExtensions } = await import('../../db/pglite-extensions')
  const pg = new PGlite(target.dir, { extensions: pgliteExtensions })
  try { return (await pg.query<T>(text, params)).rows } finally { await pg.close() }
}

/** A database nobody else uses, migrated and seeded with the demo data (acme, metro). */
export async function freshTarget(label: string): Promise<Target> {
  const url = process.env.DATABASE_URL
  if (!url) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `helpdesk-fault-${label}-`))
    const target: Target = { kind: 'pglite', dir, env: { PGLITE_DATA_DIR: dir, HELPDESK_SEED: 'off' } }
    migrateAndSeed(target)
    return target
  }
  const name = `helpdesk_fault_${label}_${process.pid}`
  const { default: postgres } = await import('postgres')
  const admin = postgres(url, { max: 1, onnotice: () => {} })
  await admin.unsafe(`drop database if exists ${name} with (force)`)
  await admin.unsafe(`create database ${name}`)
  await admin.end()
  const target: Target = { kind: 'postgres', url: withDatabase(url, name), env: { DATABASE_URL: withDatabase(url, name) } }
  migrateAndSeed(target)
  return target
}

export function migrateAndSeed(target: Target) {
  for (const script of ['db:migrate', 'db:seed']) {
    const r = spawnSync('npm', ['run', '-s', script], { env: { ...process.env, ...target.env }, encoding: 'utf8' })
    if (r.status !== 0) throw new Error(`${script} failed: ${r.stdout}${r.stderr}`)
  }
}

export async function dropTarget(target: Target) {
  if (target.kind === 'pglite') { fs.rmSync(target.dir, { recursive: true, force: true }); return }
  const { default: postgres } = await import('postgres')
  const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} })
  await admin.unsafe(`drop database if exists ${new URL(target.url).pathname.slice(1)} with (force)`).catch(() => {})
  await admin.end()
}

/** Runs an npm script against the target; resolves with its exit code and output. */
export function npmScript(target: Target, script: string, args: string[] = [], env: Record<string, string> = {}, timeoutMs = 120_000): Promise<{ code: number | null; signal: string | null; out: string }> {
  return new Promise((resolve) => {
    // Its own process group, so a timeout ends npm and the node process under it together.
    const proc = spawn('npm', ['run', '-s', script, ...(args.length ? ['--', ...args] : [])], { env: { ...process.env, ...target.env, ...env }, detached: true })
    const timer = setTimeout(() => { try { process.kill(-proc.pid!, 'SIGKILL') } catch { /* gone */ } }, timeoutMs)
    proc.on('exit', () => clearTimeout(timer))
    let out = ''
    proc.stdout.on('data', (d) => { out += d })
    proc.stderr.on('data', (d) => { out += d })
    proc.on('exit', (code, signal) => resolve({ code, signal, out }))
  })
}

export type Server = { base: string; proc: ChildProcess; log: () => string; kill9: () => Promise<void>; stop: () => Promise<void> }

/** `next start` on the production build, like `npm start`; resolves once /api/health answers 200. */
export async function startServer(target: Target, port: number, env: Record<string, string> = {}): Promise<Server> {
  if (!fs.existsSync(path.join(distDir, 'BUILD_ID'))) throw new Error(`no production build in ${distDir}: run next build first (NEXT_DIST_DIR / FAULTS_DIST_DIR)`)
  const base = `http://localhost:${port}`
  if (await fetch(`${base}/api/health`).then(() => true, () => false)) throw new Error(`port ${port} is already in use`)
  const nextBin = path.join('node_modules', 'next', 'dist', 'bin', 'next')
  const proc = spawn(process.execPath, ['--max-old-space-size=512', nextBin, 'start', '-p', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env, NODE_ENV: 'production', NEXT_DIST_DIR: distDir, DATABASE_URL: '',
      AUTH_SECRET: 'fault-tests-secret-not-for-production-0123456789', AUTH_URL: base, AUTH_TRUST_HOST: 'true',
      ...target.env, ...env,
    },
  })
  let log = ''
  proc.stdout!.on('data', (d) => { log += d })
  proc.stderr!.on('data', (d) => { log += d })
  const exited = new Promise<void>((r) => proc.once('exit', () => r()))
  const deadline = Date.now() + 120_000
  for (;;) {
    if (proc.exitCode !== null || proc.signalCode !== null) throw new Error(`next start exited:\n${log}`)
    const ok = await fetch(`${base}/api/health`).then((r) => r.ok, () => false)
    if (ok) break
    if (Date.now() > deadline) { proc.kill('SIGKILL'); throw new Error(`server did not become healthy:\n${log}`) }
    await new Promise((r) => setTimeout(r, 250))
  }
  return {
    base, proc, log: () => log,
    kill9: async () => { if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL'); await exited },
    stop: async () => {
      if (proc.exitCode !== null || proc.signalCode !== null) return
      proc.kill('SIGTERM')
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))])
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL')
      await exited
    },
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
