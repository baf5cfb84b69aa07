import fs from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import sharp from 'sharp'
import type { Browser, Page } from '@playwright/test'
import { expect, signIn, signInAnyLanguage, test, unique, withoutLiveStream } from './fixtures'

/**
 * Every page of the app (app/**\/page.tsx, as each role that sees it differently, signed out,
 * and the 404/no-access pages) and its main states, at desktop and phone size: axe-core must
 * report no violation of any impact (WCAG 2.x A/AA and best practice), and each state is saved
 * full-page under test-results/screens/<name>-<size>.png for a person to look at.
 */
// Dark mode (the system setting) gets its own pass at desktop size: the palette differs, the
// layout does not. So does German (a browser asking for de-DE): other words, longer ones. The
// German pass visits each page as it loads; states reached by clicking an English-named
// control (a step with `prepare`) are checked in English only.
type Size = { name: string; width: number; height: number; colorScheme: 'light' | 'dark'; locale?: string }
const SIZES: readonly Size[] = [
  { name: 'desktop', width: 1366, height: 900, colorScheme: 'light' },
  { name: 'mobile', width: 390, height: 844, colorScheme: 'light' },
  { name: 'dark', width: 1366, height: 900, colorScheme: 'dark' },
  { name: 'de', width: 1366, height: 900, colorScheme: 'light', locale: 'de-DE' },
]
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']
const SCREENS = 'test-results/screens'

type Scope = { include?: string; exclude?: string }
type Step = { name: string; path: string; prepare?: (page: Page) => Promise<void>; scope?: Scope }

async function analyze(page: Page, scope: Scope = {}) {
  let axe = new AxeBuilder({ page }).withTags(TAGS)
  if (scope.include) axe = axe.include(scope.include)
  if (scope.exclude) axe = axe.exclude(scope.exclude)
  return axe.analyze()
}

async function audit(page: Page, name: string, size: string, scope?: Scope) {
  // A live refresh or a late redirect can replace the document under axe: check the settled page again.
  const results = await analyze(page, scope).catch(async (err: unknown) => {
    if (!String(err).includes('Execution context was destroyed')) throw err
    await page.waitForLoadState('networkidle')
    return analyze(page, scope)
  })
  const found = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.slice(0, 6).map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1, 2).join('')}`).join('\n')}${v.nodes.length > 6 ? `\n    … ${v.nodes.length - 6} more` : ''}`)
  expect.soft(found, `axe violations on ${name} at ${size}`).toEqual([])
  fs.mkdirSync(SCREENS, { recursive: true })
  await page.screenshot({ path: `${SCREENS}/${name}-${size}.png`, fullPage: true })
}

/** Visits each step at each size (all three unless given) in one signed-in session per size. */
async function visit(browser: Browser, email: string | null, steps: Step[], sizes: readonly Size[] = SIZES) {
  for (const size of sizes) {
    const context = await browser.newContext({ viewport: { width: size.width, height: size.height }, colorScheme: size.colorScheme, locale: size.locale ?? 'en-US' })
    const page = await context.newPage()
    await withoutLiveStream(page)
    if (email) await (size.locale ? signInAnyLanguage(page, email) : signIn(page, email))
    for (const step of steps) {
      if (size.locale && step.prepare) continue
      await test.step(`${step.name} @ ${size.name}`, async () => {
        await page.goto(step.path)
        await page.waitForLoadState('networkidle')
        if (step.prepare) await step.prepare(page)
        await audit(page, step.name, size.name, step.scope)
      })
    }
    await context.close()
  }
}

test.describe.configure({ mode: 'parallel' })
// Dozens of pages, twice each, with axe on each: far beyond the default two minutes on a loaded machine.
test.setTimeout(20 * 60_000)

test('signed-out pages', async ({ browser }) => {
  await visit(browser, null, [
    { name: 'sign-in', path: '/sign-in' },
    { name: 'sign-in-errors', path: '/sign-in', prepare: async (page) => {
      await page.getByLabel('Email', { exact: true }).fill('nobody@acme.test')
      await page.getByLabel('Password').fill('wrong-password')
      await page.getByRole('button', { name: 'Sign in' }).click()
      await expect(page.getByRole('alert').filter({ hasText: /Wrong email or password|Too many/ })).toBeVisible()
    } },
    { name: 'sign-in-link-expired', path: '/sign-in?error=Verification' },
    { name: 'check-email', path: '/sign-in/check-email' },
    { name: 'csat-invalid', path: '/csat/not-a-real-token' },
    { name: 'api-docs', path: '/docs/api', prepare: async (page) => {
      await expect(page.locator('.swagger-ui .opblock').first()).toBeVisible()
    },
    // Swagger UI (swagger-ui-dist) draws #swagger-ui's contents with its own markup and colours,
    // which we do not author; the page's own operations table above gives the same reference
    // accessibly. Everything else on the page is checked.
    scope: { exclude: '#swagger-ui' } },
  ])
})

const settings = ['api', 'audit', 'canned-replies', 'categories', 'deliveries', 'mail', 'members', 'notifications', 'routing', 'search', 'security', 'sla', 'teams', 'webhooks']

// The admin's pages are the most numerous: one test per size, so each stays well inside its time.
const adminSteps: Step[] = [
    { name: 'tickets', path: '/acme/tickets' },
    { name: 'tickets-empty', path: `/acme/tickets?q=${encodeURIComponent('"no ticket says this"')}` },
    { name: 'tickets-export-dialog', path: '/acme/tickets', prepare: async (page) => {
      await page.getByRole('button', { name: /Export/ }).first().click()
      await expect(page.getByRole('dialog')).toBeVisible()
    } },
    { name: 'view-not-found', path: '/acme/tickets?view=00000000-0000-4000-8000-000000000000' },
    { name: 'ticket-new', path: '/acme/tickets/new' },
    { name: 'ticket-new-errors', path: '/acme/tickets/new', prepare: async (page) => {
      await page.getByRole('button', { name: 'Submit ticket' }).click()
      await expect(page.locator('[aria-invalid="true"]').first()).toBeVisible()
    } },
    { name: 'ticket-admin', path: '/acme/tickets/10' },
    { name: 'dashboard', path: '/acme/dashboard' },
    { name: 'dashboard-table-view', path: '/acme/dashboard', prepare: async (page) => {
      await page.getByText('Table view').first().click()
      await expect(page.getByRole('region', { name: /^Table view of / }).first()).toBeVisible()
    } },
    { name: 'reports', path: '/acme/reports' },
    { name: 'settings', path: '/acme/settings' },
    ...settings.map((s) => ({ name: `settings-${s}`, path: `/acme/settings/${s}` })),
    { name: 'personal-canned-replies', path: '/acme/canned-replies' },
    { name: 'notifications-admin', path: '/acme/notifications' },
    { name: 'preferences', path: '/acme/preferences' },
    { name: 'security', path: '/acme/security' },
    { name: 'portal-preview', path: '/acme/portal' },
    { name: 'not-found', path: '/acme/tickets/999999' },
    { name: 'not-found-root', path: '/no/such/page' },
]
for (const size of SIZES) {
  test(`admin pages @ ${size.name}`, async ({ browser }) => {
    await visit(browser, 'admin@acme.test', adminSteps, [size])
  })
}

test('agent and technician pages', async ({ browser }) => {
  await visit(browser, 'agent@acme.test', [
    { name: 'tickets-agent', path: '/acme/tickets' },
    { name: 'ticket-agent', path: '/acme/tickets/10' },
    { name: 'ticket-agent-status-form', path: '/acme/tickets/10', prepare: async (page) => {
      await page.getByRole('button', { name: 'Resolve', exact: true }).first().click()
      await expect(page.getByLabel(/Resolution note/)).toBeVisible()
    } },
    { name: 'ticket-resolved', path: '/acme/tickets/20' },
    { name: 'dashboard-agent', path: '/acme/dashboard' },
    { name: 'no-access-settings', path: '/acme/settings/members' },
  ])
})

test('consultant (two organisations) pages', async ({ browser }) => {
  await visit(browser, 'consultant@demo.test', [
    { name: 'choose-org', path: '/' },
    { name: 'org-switcher-open', path: '/acme/tickets', prepare: async (page) => {
      await page.locator('summary').filter({ hasText: 'switch organisation' }).click()
      await expect(page.getByRole('link', { name: /Metro City Services/ })).toBeVisible()
    },
    // The open menu itself; the page under it was checked closed (a menu over links is what a
    // menu is, and axe would count the covered links as too small a target).
    scope: { include: 'header details' } },
  ])
})

test('requester pages', async ({ browser }) => {
  await visit(browser, 'requester@acme.test', [
    { name: 'portal', path: '/acme/portal' },
    { name: 'portal-new', path: '/acme/portal/new' },
    { name: 'portal-new-errors', path: '/acme/portal/new', prepare: async (page) => {
      await page.getByRole('button', { name: 'Submit ticket' }).click()
      await expect(page.locator('[aria-invalid="true"]').first()).toBeVisible()
    } },
    { name: 'portal-ticket', path: '/acme/portal/10' },
    { name: 'portal-ticket-resolved', path: '/acme/portal/20' },
    { name: 'notifications-requester', path: '/acme/notifications' },
    { name: 'preferences-requester', path: '/acme/preferences' },
    { name: 'portal-missing-ticket', path: '/acme/portal/99999' },
  ])
})

test('a ticket with an attachment, as its requester and as staff', async ({ browser }) => {
  // Raised here so the conversation carries a real image thumbnail and a file.
  const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 40, g: 120, b: 200 } } }).jpeg().toBuffer()
  const context = await browser.newContext()
  const page = await context.newPage()
  await signIn(page, 'requester@acme.test')
  await page.goto('/acme/portal/new')
  await page.getByLabel('Title').fill(unique('Printer jams on tray 2'))
  await page.getByLabel('Description').fill('It jams every third page; photo attached.')
  await page.locator('input[type=file]').first().setInputFiles({ name: 'tray-2.jpg', mimeType: 'image/jpeg', buffer: photo })
  await expect(page.getByText('ready to send')).toBeVisible()
  await page.getByRole('button', { name: 'Submit ticket' }).click()
  await expect(page.getByText(/your request #\d+ has been received/)).toBeVisible()
  const number = Number(/portal\/(\d+)/.exec(page.url())![1])
  await context.close()
  await visit(browser, 'requester@acme.test', [
    { name: 'portal-ticket-attachment', path: `/acme/portal/${number}` },
    { name: 'portal-attachment-lightbox', path: `/acme/portal/${number}`, prepare: async (p) => {
      await p.getByRole('button', { name: 'View tray-2.jpg' }).click()
      await expect(p.getByRole('dialog', { name: 'tray-2.jpg' })).toBeVisible()
    } },
  ])
  await visit(browser, 'agent@acme.test', [{ name: 'ticket-attachment', path: `/acme/tickets/${number}` }])
})
