// npm run bench:live-browser — live-update latency as a person sees it (issue 16): from the
// moment a requester's reply has committed to the moment its text is in an agent's open
// ticket page, in a real browser (Debian's Chromium, through Playwright) against the built
// app under `next start`. Also the time to the event arriving in the page's EventSource, so
// the figure splits into transport (commit → NOTIFY → SSE → browser) and re-render (debounce,
// router refresh, server render of the ticket page, React commit).
//
// Uses the embedded database (a fresh data folder, seeded on start) unless DATABASE_URL is
// set, in which case that database is migrated and seeded first. Needs `npx next build`.
// Figures only; nothing asserted.
//
// Clocks: each time is taken where it happens — the reply's commit in Node (the API's
// answer has arrived, so the transaction has committed), the event and the DOM change in the
// page (an EventSource listener and a MutationObserver stamp performance.timeOrigin +
// performance.now()). Both are the machine's wall clock; the offset between the page's clock
// and Node's is measured first (the tightest of many round trips) and taken off. Polling from
// Node (waitForFunction) instead would add its polling interval and a DevTools round trip to
// every sample.
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import { chromium, type Page } from '@playwright/test'

const N = Number(process.env.BENCH_N ?? 100)
const PER_TICKET = 20 // a fresh ticket every 20 replies: the page's conversation stays ordinary in size
const port = Number(process.env.BENCH_PORT ?? 3617)
const base = `http://127.0.0.1:${port}`
const databaseUrl = process.env.DATABASE_URL
const dataDir = `data/bench-live-browser-${port}`
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]
const f = (ms: number) => ms.toFixed(1)

type Stamp = { at: number; data: string }
type Win = { __events: Stamp[]; __seen: Record<string, number>; __expect: string | null }

async function startServer() {
  if (!fs.existsSync('.next/BUILD_ID')) throw new Error('no production build: run npx next build first')
  if (databaseUrl) {
    const r = spawnSync('sh', ['-c', 'npm run -s db:migrate && npm run -s db:seed'], { stdio: 'inherit', env: process.env })
    if (r.status !== 0) throw new Error('migrating or seeding the database failed')
  } else {
    fs.rmSync(dataDir, { recursive: true, force: true })
    fs.rmSync(`${dataDir}-uploads`, { recursive: true, force: true })
  }
  const proc = spawn('npx', ['next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    stdio: ['ignore', 'pipe', 'pipe'], detached: true,
    env: {
      ...process.env, NODE_ENV: 'production', HELPDESK_SEED: 'on', PGLITE_DATA_DIR: dataDir, APP_URL: base, AUTH_URL: base,
      AUTH_SECRET: process.env.AUTH_SECRET ?? 'bench-secret-not-for-production-0123456789',
      // No mail server here: notifications queue and fail quietly, as they would with SMTP down.
      SMTP_URL: process.env.SMTP_URL ?? 'smtp://127.0.0.1:9',
    },
  })
  let log = ''
  proc.stdout!.on('data', (d) => { log += d })
  proc.stderr!.on('data', (d) => { log += d })
  const deadline = Date.now() + 180_000
  for (;;) {
    // The embedded database seeds on the first request; the sign-in page answering means it is done.
    const ok = await fetch(`${base}/sign-in`).then((r) => r.ok, () => false)
    if (ok) break
    if (Date.now() > deadline || proc.exitCode !== null) throw new Error(`server did not start:\n${log}`)
    await new Promise((r) => setTimeout(r, 500))
  }
  return { stop: () => { try { process.kill(-proc.pid!, 'SIGTERM') } catch { /* already gone */ } } }
}

async function signIn(page: Page, email: string) {
  await page.goto(`${base}/sign-in`)
  await page.getByLabel('Email', { exact: true }).fill(email)
  await page.getByLabel('Password').fill('demo1234')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'))
}

/** Page clock minus Node clock, from the round trip with the least delay. */
async function clockOffset(page: Page): Promise<number> {
  let best = { rtt: Infinity, offset: 0 }
  for (let i = 0; i < 30; i++) {
    const t0 = Date.now()
    const pageNow = await page.evaluate(() => performance.timeOrigin + performance.now())
    const t1 = Date.now()
    if (t1 - t0 < best.rtt) best = { rtt: t1 - t0, offset: pageNow - (t0 + t1) / 2 }
  }
  return best.offset
}

async function main() {
  const server = await startServer()
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-dev-shm-usage'] })
  try {
    const agent = await (await browser.newContext()).newPage()
    const requester = await (await browser.newContext()).newPage()
    // Stamps every live event as it arrives in the page, before the app's own listener runs.
    await agent.addInitScript(() => {
      const w = window as unknown as Win
      w.__events = []
      w.__seen = {}
      w.__expect = null
      const Native = window.EventSource
      window.EventSource = class extends Native {
        constructor(url: string | URL, init?: EventSourceInit) {
          super(url, init)
          this.addEventListener('live', (m) => w.__events.push({ at: performance.timeOrigin + performance.now(), data: (m as MessageEvent<string>).data }))
        }
      }
      new MutationObserver(() => {
        const want = w.__expect
        if (want && !(want in w.__seen) && document.querySelector('main')?.textContent?.includes(want)) w.__seen[want] = performance.timeOrigin + performance.now()
      }).observe(document, { subtree: true, childList: true, characterData: true })
    })
    let loads = 0
    let reloaded = 0
    agent.on('load', () => { loads++ })
    await signIn(agent, 'agent@acme.test')
    await signIn(requester, 'requester@acme.test')
    const api = (path: string, data: unknown) => requester.request.post(`${base}/api/v1/acme${path}`, { data, headers: { Origin: base } })

    const toDom: number[] = []
    const toEvent: number[] = []
    let number = 0
    let offset = 0
    const WARMUP = 5
    for (let i = 0; i < N + WARMUP; i++) {
      if (i % PER_TICKET === 0) {
        const res = await api('/tickets', { title: `Live latency ${i / PER_TICKET}`, description: 'Benchmark ticket: the requester replies, the agent watches.' })
        if (res.status() !== 201) throw new Error(`creating the ticket: ${res.status()} ${await res.text()}`)
        number = (await res.json()).number
        await agent.goto(`${base}/acme/tickets/${number}`)
        await agent.waitForFunction(() => document.documentElement.getAttribute('data-live') === 'ready')
        offset = await clockOffset(agent)
      }
      const text = `Bench reply ${i} ${Math.random().toString(36).slice(2, 8)}`
      const loadsBefore = loads
      await agent.evaluate((t) => { (window as unknown as Win).__expect = t; (window as unknown as Win).__events = [] }, text)
      const res = await api(`/tickets/${number}/comments`, { body: text })
      const committed = Date.now()
      if (res.status() !== 201) throw new Error(`replying: ${res.status()} ${await res.text()}`)
      let sample: { seen: number; events: Stamp[] }
      try {
        await agent.waitForFunction((t) => t in (window as unknown as Win).__seen, text, { timeout: 30_000 })
        sample = await agent.evaluate((t) => ({ seen: (window as unknown as Win).__seen[t], events: (window as unknown as Win).__events }), text)
      } catch (err) {
        // The page was reloaded (useReliableRefresh's fallback for a refresh that never landed):
        // counted, not timed, since the stamps went with the old document.
        await agent.waitForTimeout(1_000)
        await agent.waitForLoadState('load')
        if (loads === loadsBefore) throw err
        reloaded++
        await agent.waitForFunction(() => document.documentElement.getAttribute('data-live') === 'ready')
        offset = await clockOffset(agent)
        continue
      }
      const { seen, events } = sample
      const event = events.find((e) => e.data.includes('"kind":"comment"') && e.data.includes(`"number":${number}`))
      if (i % 20 === 19) process.stderr.write(`${i + 1} replies…\n`)
      if (i >= WARMUP && event) {
        toDom.push(seen - offset - committed)
        toEvent.push(event.at - offset - committed)
      }
      // Let the page settle (the bell's own refresh) so each sample starts from a quiet page.
      await agent.waitForTimeout(400)
    }
    const kind = databaseUrl ? 'Postgres' : 'PGlite'
    console.log(`live-update latency in the browser on ${kind}, ${toDom.length} replies (requester's REST reply → agent's open ticket page)`)
    console.log(`commit → event in the page's EventSource: p50 ${f(pct(toEvent, 50))} ms · p95 ${f(pct(toEvent, 95))} ms · max ${f(Math.max(...toEvent))} ms`)
    console.log(`commit → reply text in the page's DOM:    p50 ${f(pct(toDom, 50))} ms · p95 ${f(pct(toDom, 95))} ms · max ${f(Math.max(...toDom))} ms`)
    console.log(`replies whose refresh was lost and the page reloaded instead: ${reloaded}`)
  } finally {
    await browser.close()
    server.stop()
  }
}
main().catch((err) => { console.error(err); process.exit(1) })
