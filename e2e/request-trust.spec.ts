import http from 'node:http'
import type { Page } from '@playwright/test'
import { expect, signIn, test, unique, withoutLiveStream } from './fixtures'
import { inbox } from './mail-inbox'

// Nothing a client writes in a header decides where links point, which address it counts
// as, or whether a session survives signing out (issue 12 items 1, 2, 5, 6).

const base = `http://localhost:${Number(process.env.E2E_PORT ?? 3100)}`
const linkFor = (email: string, after: number) => () => {
  const m = inbox().slice(after).find((r) => r.to.includes(email) && r.subject === 'Your sign-in link')
  return /https?:\/\/\S+callback\/nodemailer\S+/.exec(m?.text ?? '')?.[0] ?? ''
}

test('a sign-in link asked for with a forged host still points at the configured origin', async ({ browser, playwright }) => {
  // Through the sign-in form (a server action). Origin is forged along with X-Forwarded-Host,
  // as a script would, so Next's own action check passes and the link builder is what is tested.
  const seen = inbox().length
  // Only on the action's POST: the page's own script loads fail with a forged Origin.
  const page = await (await browser.newContext()).newPage()
  await page.route('**/sign-in', (route) => route.request().method() !== 'POST' ? route.continue() : route.continue({
    headers: { ...route.request().headers(), 'x-forwarded-host': 'attacker.example', 'x-forwarded-proto': 'https', origin: 'https://attacker.example' },
  }))
  await page.goto('/sign-in')
  await page.getByLabel('Email me a sign-in link instead').fill('agent2@metro.test')
  await page.getByRole('button', { name: 'Send link' }).click()
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible()
  let link = ''
  await expect.poll(() => (link = linkFor('agent2@metro.test', seen)()), { timeout: 30_000 }).not.toBe('')
  expect(new URL(link).origin).toBe(base)

  // Straight to Auth.js's endpoint, with Host forged too.
  const api = await playwright.request.newContext({ baseURL: base, extraHTTPHeaders: { 'X-Forwarded-Host': 'attacker.example', 'X-Forwarded-Proto': 'https', Host: 'attacker.example' } })
  const { csrfToken } = await (await api.get('/api/auth/csrf')).json()
  const res = await api.post('/api/auth/signin/nodemailer', { form: { email: 'agent@metro.test', csrfToken, callbackUrl: '/' }, maxRedirects: 0 })
  expect(res.status()).toBe(302)
  expect(res.headers().location).toMatch(new RegExp(`^${base}/`))
  await expect.poll(() => (link = linkFor('agent@metro.test', seen)()), { timeout: 30_000 }).not.toBe('')
  expect(new URL(link).origin).toBe(base)
  await api.dispose()
})

/** A raw request from a chosen loopback address, so the per-address lockout below hits no other test. */
function fromAddress(localAddress: string, method: string, path: string, headers: Record<string, string>, body?: string) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const url = new URL(path, base)
    const req = http.request({ host: '127.0.0.1', port: url.port, path: url.pathname + url.search, method, localAddress, headers }, (res) => {
      let data = ''
      res.on('data', (d) => { data += d })
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: data }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

test('the per-address sign-in lockout cannot be dodged by changing X-Forwarded-For', async () => {
  const peer = '127.0.0.2'
  const csrf = await fromAddress(peer, 'GET', '/api/auth/csrf', {})
  const cookie = (csrf.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ')
  const { csrfToken } = JSON.parse(csrf.body)
  const attempt = (email: string, password: string, xff: string) => fromAddress(peer, 'POST', '/api/auth/callback/credentials', {
    cookie, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': xff, 'x-helpdesk-client-ip': xff,
  }, new URLSearchParams({ email, password, csrfToken, callbackUrl: '/' }).toString())
  // 30 failures (LOCKOUT.perIp) on different accounts, each claiming a different address.
  for (let i = 0; i < 30; i++) {
    const res = await attempt(`${unique('nobody').replace(/\W+/g, '-')}@acme.test`, 'wrong-password', `198.51.100.${i + 1}`)
    expect(res.headers.location).toMatch(/error=CredentialsSignin/)
  }
  // Even the right password for a real account, from yet another claimed address, is refused.
  const res = await attempt('agent2@acme.test', 'demo1234', '203.0.113.77')
  expect(res.headers.location).toMatch(/code=locked/)
})

test('the audit log records the connecting address, not the one a client claims', async ({ browser }) => {
  const context = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': '6.6.6.6', 'X-Real-IP': '6.6.6.6', 'x-helpdesk-client-ip': '6.6.6.6' } })
  const admin = await context.newPage()
  await signIn(admin, 'admin@acme.test')
  const email = `${unique('audited').replace(/\W+/g, '-')}@acme.test`
  await admin.goto('/acme/settings/members')
  await admin.getByLabel('Email', { exact: true }).fill(email)
  await admin.getByLabel('Name').fill(unique('Audit Ip'))
  await admin.getByLabel('Role', { exact: true }).selectOption('requester')
  await admin.getByLabel(/Initial password/).fill('welcome-123')
  await admin.getByRole('button', { name: 'Add member' }).click()
  await expect(admin.getByRole('row').filter({ hasText: email })).toBeVisible()
  await admin.goto('/acme/settings/audit')
  const row = admin.getByRole('row').filter({ hasText: 'member.added' }).first()
  await expect(row).toContainText(/from (127\.0\.0\.1|::1)/)
  await expect(row).not.toContainText('6.6.6.6')
})

function expectSecurityHeaders(headers: Record<string, string>) {
  expect(headers['content-security-policy']).toMatch(/frame-ancestors 'none'/)
  expect(headers['x-frame-options']).toBe('DENY')
  expect(headers['x-content-type-options']).toBe('nosniff')
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin')
  expect(headers['strict-transport-security']).toBeUndefined() // APP_URL is http here
}

test('pages, API routes, 404s and build assets carry the security headers', async ({ request }) => {
  const signInPage = await request.get('/sign-in')
  expectSecurityHeaders(signInPage.headers())
  const api = await request.get('/api/auth/session')
  expect(api.ok()).toBe(true)
  expectSecurityHeaders(api.headers())
  // Under /sign-in, so middleware lets it through to the 404 page rather than to sign-in.
  const missing = await request.get(`/sign-in/no-such-page-${Date.now()}`)
  expect(missing.status()).toBe(404)
  expectSecurityHeaders(missing.headers())
  // Each response gets its own nonce.
  const nonceOf = (h: Record<string, string>) => /'nonce-([^']+)'/.exec(h['content-security-policy'])?.[1]
  expect(nonceOf(signInPage.headers())).toBeTruthy()
  expect(nonceOf((await request.get('/sign-in')).headers())).not.toBe(nonceOf(signInPage.headers()))
  const asset = /\/_next\/static\/[^"]+\.js/.exec(await signInPage.text())![0]
  const assetHeaders = (await request.get(asset)).headers()
  expect(assetHeaders['x-content-type-options']).toBe('nosniff')
})

/** Opens a page and checks its scripts carry the CSP's nonce and nothing was blocked. */
async function openUnderCsp(page: Page, path: string, violations: string[]) {
  const res = await page.goto(path)
  const nonce = /'nonce-([^']+)'/.exec(res!.headers()['content-security-policy'] ?? '')?.[1]
  expect(nonce).toBeTruthy()
  // Every script the server wrote into the page carries the nonce. Scripts that the page's
  // own (trusted) scripts add later — chunks preloaded for a prefetched link — need none
  // under 'strict-dynamic', so the check reads the HTML as sent, not the live DOM.
  const scripts = [...(await res!.text()).matchAll(/<script\b[^>]*>/g)].map((m) => /\snonce="([^"]*)"/.exec(m[0])?.[1] ?? '')
  expect(scripts.length).toBeGreaterThan(0)
  for (const s of scripts) expect(s).toBe(nonce)
  await page.waitForLoadState('networkidle')
  expect(violations).toEqual([])
}

test('sign-in, the ticket list and a ticket run under the CSP without violations', async ({ page }) => {
  await withoutLiveStream(page)
  const violations: string[] = []
  page.on('console', (m) => { if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text()) })
  await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => console.error(`Refused to load (CSP): ${e.violatedDirective} ${e.blockedURI}`)))
  await openUnderCsp(page, '/sign-in', violations)
  // The inline time-zone script ran (it carries the nonce).
  await expect.poll(async () => (await page.context().cookies()).some((c) => c.name === 'tz')).toBe(true)
  await signIn(page, 'agent@acme.test')
  await openUnderCsp(page, '/acme/tickets', violations)
  const hrefs = await page.locator('a[href^="/acme/tickets/"]').evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? ''))
  const ticket = hrefs.find((h) => /^\/acme\/tickets\/\d+$/.test(h))
  expect(ticket).toBeTruthy()
  await openUnderCsp(page, ticket!, violations)
  await expect(page.getByRole('main').locator('header').first()).toBeVisible()
})

test('signing out through Auth.js’s own endpoint ends the session for good', async ({ browser }) => {
  const context = await browser.newContext()
  const page = await context.newPage()
  await withoutLiveStream(page)
  await signIn(page, 'agent2@acme.test')
  await page.goto('/acme/tickets')
  await expect(page.getByRole('heading', { name: 'Tickets' })).toBeVisible()
  await page.waitForLoadState('networkidle')
  const before = await context.cookies()
  const { csrfToken } = await (await page.request.get('/api/auth/csrf')).json()
  const out = await page.request.post('/api/auth/signout', { form: { csrfToken, callbackUrl: '/sign-in' }, maxRedirects: 0 })
  expect(out.status()).toBe(302)
  // The old cookie, kept by whoever had it, opens nothing.
  const replay = await browser.newContext()
  await replay.addCookies(before)
  const again = await replay.newPage()
  await again.goto('/acme/tickets')
  await expect(again).toHaveURL(/\/sign-in/)
  await expect(again.getByRole('button', { name: 'Sign in' })).toBeVisible()
})
