// Issue 15: `npm start` on Postgres runs one worker per core (scripts/start.mjs). The job
// runner must live in exactly one of them, be woken across processes by NOTIFY (not only
// by its poll), and come back when its worker is killed. On PGlite the server stays one
// process, whatever WEB_CONCURRENCY says.
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import { afterAll, describe, expect, it } from 'vitest'
import { basePort, distDir, dropTarget, freshTarget, onPostgres, sleep, sql, type Target } from './harness'

const received: string[] = []
const smtp = new SMTPServer({
  authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false,
  onData(stream, _session, done) {
    let text = ''
    stream.on('data', (d: Buffer) => { text += d.toString() })
    stream.on('end', () => { received.push(/^Message-ID:\s*(.+)$/im.exec(text)?.[1]?.trim() ?? ''); done() })
  },
})

const childrenOf = (pid: number): number[] => {
  try {
    return fs.readdirSync(`/proc/${pid}/task`).flatMap((t) => fs.readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number))
  } catch { return [] }
}

let target: Target | undefined
let proc: ChildProcess | undefined
afterAll(async () => {
  if (proc && proc.exitCode === null) proc.kill('SIGKILL')
  await new Promise<void>((resolve) => smtp.close(() => resolve()))
  if (target) await dropTarget(target)
})

async function startCluster(t: Target, port: number, smtpUrl: string, workers: number) {
  const base = `http://localhost:${port}`
  let log = ''
  const p = spawn(process.execPath, ['--max-old-space-size=512', 'scripts/start.mjs', '-p', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env, NODE_ENV: 'production', NEXT_DIST_DIR: distDir, DATABASE_URL: '', WEB_CONCURRENCY: String(workers),
      AUTH_SECRET: 'fault-tests-secret-not-for-production-0123456789', APP_URL: base, AUTH_URL: base,
      SMTP_URL: smtpUrl, MAIL_FROM: 'Helpdesk <desk@helpdesk.test>',
      // A poll this long means a prompt delivery can only come from a NOTIFY wake-up.
      JOB_POLL_MS: '600000', ...t.env,
    },
  })
  p.stdout!.on('data', (d) => { log += d })
  p.stderr!.on('data', (d) => { log += d })
  const deadline = Date.now() + 120_000
  while (!(await fetch(`${base}/api/health`).then((r) => r.ok, () => false))) {
    if (p.exitCode !== null) throw new Error(`npm start exited:\n${log}`)
    if (Date.now() > deadline) throw new Error(`not healthy:\n${log}`)
    await sleep(250)
  }
  return { proc: p, log: () => log }
}

/** A copy of a delivered mail job, queued again and announced the way enqueue() does it. */
async function queueMail(t: Target): Promise<string> {
  const [row] = await sql<{ id: string }>(t, `insert into jobs (organization_id, queue, payload)
    select organization_id, queue, payload || jsonb_build_object('messageId', '<cluster-' || gen_random_uuid() || '@helpdesk.test>')
    from jobs where queue = 'email' and status = 'done' limit 1 returning id`)
  await sql(t, `select pg_notify('helpdesk_jobs', '')`)
  return row!.id
}

async function doneBy(t: Target, id: string, ms = 20_000): Promise<string> {
  const deadline = Date.now() + ms
  for (;;) {
    const [job] = await sql<{ status: string; locked_by: string | null }>(t, 'select status, locked_by from jobs where id = $1', [id])
    if (job?.status === 'done') return job.locked_by ?? ''
    if (Date.now() > deadline) throw new Error(`job ${id} still ${job?.status}`)
    await sleep(200)
  }
}

describe.skipIf(!onPostgres)('npm start on Postgres: a cluster of workers', () => {
  it('runs two workers, the job runner in exactly one, woken by NOTIFY, and back after a kill -9', async () => {
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()))
    const smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`
    target = await freshTarget('cluster')
    const cluster = await startCluster(target, basePort + 30, smtpUrl, 2)
    proc = cluster.proc
    const workers = childrenOf(proc.pid!)
    expect(workers, cluster.log()).toHaveLength(2)

    // The demo data's queued mail is delivered, all of it by one worker's runner.
    const deadline = Date.now() + 60_000
    while ((await sql<{ n: number }>(target, `select count(*)::int as n from jobs where queue = 'email' and status <> 'done'`))[0]!.n > 0) {
      if (Date.now() > deadline) throw new Error(`mail not delivered:\n${cluster.log()}`)
      await sleep(500)
    }
    const runners = await sql<{ pid: string }>(target, `select distinct split_part(locked_by, '-', 1) as pid from jobs where queue = 'email' and locked_by is not null`)
    expect(runners).toHaveLength(1)
    const runnerPid = Number(runners[0]!.pid)
    expect(workers).toContain(runnerPid)

    // A job queued from elsewhere is picked up at once: the 10-minute poll never came round.
    const first = await queueMail(target)
    expect(Number((await doneBy(target, first)).split('-')[0])).toBe(runnerPid)

    // The runner's worker dies; the primary starts a new one in its place, whose runner
    // delivers what was queued meanwhile (its first look, at start, finds it).
    process.kill(runnerPid, 'SIGKILL')
    const second = await queueMail(target)
    const replaced = Date.now() + 60_000
    let now: number[] = []
    while ((now = childrenOf(proc.pid!)).length < 2 || now.includes(runnerPid)) {
      if (Date.now() > replaced) throw new Error(`worker not replaced:\n${cluster.log()}`)
      await sleep(250)
    }
    const by = Number((await doneBy(target, second, 30_000)).split('-')[0])
    expect(now).toContain(by)
    expect(by).not.toBe(runnerPid)
    expect(cluster.log()).toContain('starting a new one')

    // SIGTERM stops the primary and its workers.
    const exited = new Promise((r) => proc!.once('exit', r))
    proc.kill('SIGTERM')
    await exited
    for (const pid of now) expect(fs.existsSync(`/proc/${pid}`)).toBe(false)
  }, 240_000)
})
