import AxeBuilder from '@axe-core/playwright'
import type { Browser, Page } from '@playwright/test'
import { expect, signIn, signInAnyLanguage, test, withoutLiveStream } from './fixtures'

// Issue 18: the interface language. An agent picks Deutsch on Preferences (a `locale` cookie);
// without a choice the browser's Accept-Language decides. Other parts of the UI are translated
// elsewhere: this spec asserts on the header, notifications, preferences and the dashboard only.

const AGENT = 'agent@acme.test'
// The same rules as e2e/a11y.spec.ts.
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']
// German short months as Intl writes them ("7. Dez. 2026"; März, Mai, Juni and Juli have no dot).
const MONTH = '(?:Jan\\.|Feb\\.|März|Apr\\.|Mai|Juni|Juli|Aug\\.|Sept\\.|Okt\\.|Nov\\.|Dez\\.)'
const GERMAN_DATE_TIME = new RegExp(`^\\d{1,2}\\. ${MONTH} \\d{4}, \\d{2}:\\d{2}$`)
const GERMAN_DAY_RANGE = new RegExp(`\\d{1,2}\\. ${MONTH} – \\d{1,2}\\. ${MONTH} \\(\\d+ Tage, `)

async function axe(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze()
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`), `axe on ${name}`).toEqual([])
}

/** Chooses a language in the Language card of the preferences page and waits for the page to speak it. */
async function chooseLanguage(page: Page, label: 'Deutsch' | 'English', heading: string) {
  const card = page.getByRole('region', { name: label === 'Deutsch' ? 'Language' : 'Sprache' })
  // The select applies on change; a change before hydration would do nothing, so try again until the page has switched.
  await expect(async () => {
    await card.getByRole('combobox').selectOption({ label })
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible({ timeout: 3_000 })
  }).toPass({ timeout: 30_000 })
}

async function newPage(browser: Browser, options: Parameters<Browser['newContext']>[0] = {}) {
  const context = await browser.newContext(options)
  return context.newPage()
}

test('an agent switches to German on Preferences and back to English', async ({ browser }) => {
  test.setTimeout(180_000)
  const page = await newPage(browser, { locale: 'en-GB' })
  await withoutLiveStream(page)
  await signIn(page, AGENT)
  await page.goto('/acme/preferences')
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  const language = page.getByRole('region', { name: 'Language' })
  await expect(language.getByText('The language of menus, labels and messages, and how dates and numbers are written.')).toBeVisible()

  await chooseLanguage(page, 'Deutsch', 'Benachrichtigungseinstellungen')
  await expect(page.locator('html')).toHaveAttribute('lang', 'de')
  const header = page.getByRole('banner')
  await expect(header.getByRole('button', { name: 'Abmelden' })).toBeVisible()
  const nav = header.getByRole('navigation', { name: 'Hauptmenü' })
  for (const link of ['Tickets', 'Neues Ticket', 'Dashboard', 'Berichte', 'Portal-Vorschau']) await expect(nav.getByRole('link', { name: link, exact: true })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Sprache' }).getByRole('combobox', { name: 'Sprache' })).toHaveValue('de')
  await expect(page.getByRole('columnheader', { name: 'Wann' })).toBeVisible()
  await expect(page.getByLabel('Jemand antwortet auf mein Ticket: E-Mail')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Einstellungen speichern' })).toBeVisible()
  await expect(page.getByLabel('Mobiltelefonnummer')).toBeVisible()
  await expect(page).toHaveTitle(/^Benachrichtigungseinstellungen · /)
  await page.waitForLoadState('networkidle')
  await axe(page, 'preferences (de)')

  // The inbox: German heading, relative times ("vor 3 Minuten") and full dates the German way.
  await page.goto('/acme/notifications')
  await expect(page.getByRole('heading', { level: 1, name: 'Benachrichtigungen' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Einstellungen', exact: true })).toBeVisible()
  const times = page.getByRole('list', { name: 'Benachrichtigungen' }).locator('time')
  await expect(times.first()).toHaveAttribute('title', GERMAN_DATE_TIME)
  await expect(times.first()).toHaveText(/^(vor|in) \d+ \S+$/)

  // The dashboard: German headings, day range, figures and table view.
  await page.goto('/acme/dashboard')
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible()
  await expect(page.getByText(GERMAN_DAY_RANGE)).toBeVisible()
  const figures = page.getByRole('region', { name: 'Kennzahlen' })
  for (const label of ['Jetzt offen', 'Erstellt', 'SLA-Einhaltung']) await expect(figures.locator('dt', { hasText: label })).toBeVisible()
  const daily = page.getByRole('figure', { name: 'Erstellt und gelöst pro Tag' })
  await daily.getByText('Tabellenansicht').click()
  await expect(daily.getByRole('table').locator('tbody th').first()).toHaveText(new RegExp(`^\\d{1,2}\\. ${MONTH}$`))
  await expect(page.getByRole('figure', { name: 'Offene Tickets nach Status' })).toBeVisible()
  await expect(page.getByLabel('Von', { exact: true })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Anwenden' })).toBeVisible()
  await page.waitForLoadState('networkidle')
  // The charts are drawn in the browser: wait for them, so axe sees the page as a person does.
  await expect(daily.locator('svg.recharts-surface').first()).toBeVisible({ timeout: 30_000 })
  await axe(page, 'dashboard (de)')

  // Back to English: everything reads as before.
  await page.goto('/acme/preferences')
  await chooseLanguage(page, 'English', 'Notification preferences')
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page.getByRole('banner').getByRole('button', { name: 'Sign out' })).toBeVisible()
  await page.goto('/acme/dashboard')
  await expect(page.getByRole('region', { name: 'Headline figures' }).locator('dt', { hasText: 'Open now' })).toBeVisible()
  await expect(page.getByText(/\d{1,2} [A-Z][a-z]{2,3} – \d{1,2} [A-Z][a-z]{2,3} \(\d+ days, /)).toBeVisible()
  await page.context().close()
})

test('without a chosen language the browser\'s Accept-Language decides; an unknown cookie value is ignored', async ({ browser, baseURL }) => {
  // German browser, no cookie: the sign-in page and, once signed in, the header are German.
  const german = await newPage(browser, { locale: 'de-DE' })
  await german.goto('/sign-in')
  await expect(german.locator('html')).toHaveAttribute('lang', 'de')
  expect((await german.context().cookies()).filter((c) => c.name === 'locale')).toEqual([])
  await signInAnyLanguage(german, AGENT)
  await german.goto('/acme/notifications')
  await expect(german.getByRole('banner').getByRole('button', { name: 'Abmelden' })).toBeVisible()
  await expect(german.getByRole('heading', { level: 1, name: 'Benachrichtigungen' })).toBeVisible()

  // A cookie naming no supported language falls back to Accept-Language: German here…
  await german.context().addCookies([{ name: 'locale', value: 'xx', url: baseURL! }])
  await german.reload()
  await expect(german.locator('html')).toHaveAttribute('lang', 'de')
  await expect(german.getByRole('heading', { level: 1, name: 'Benachrichtigungen' })).toBeVisible()
  await german.context().close()

  // … and English for an English browser.
  const english = await newPage(browser, { locale: 'en-GB' })
  await english.context().addCookies([{ name: 'locale', value: 'xx', url: baseURL! }])
  await english.goto('/sign-in')
  await expect(english.locator('html')).toHaveAttribute('lang', 'en')
  await signInAnyLanguage(english, AGENT)
  await english.goto('/acme/notifications')
  await expect(english.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible()
  await expect(english.getByRole('banner').getByRole('button', { name: 'Sign out' })).toBeVisible()
  await english.context().close()
})
