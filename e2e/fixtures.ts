import { test as base, expect, type Browser, type Page } from '@playwright/test'

export const PASSWORD = 'demo1234'

/** Signs in through the real form, as a user would. */
export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto('/sign-in')
  await page.getByLabel('Email', { exact: true }).fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).not.toHaveURL(/\/sign-in/)
}

/** Signs in by the fields' ids and the form's button, whatever language the sign-in page speaks. */
export async function signInAnyLanguage(page: Page, email: string, password = PASSWORD) {
  await page.goto('/sign-in')
  await page.locator('#email').fill(email)
  await page.locator('#password').fill(password)
  await page.locator('form:has(#password) button[type=submit]').click()
  await expect(page).not.toHaveURL(/\/sign-in/)
}

/** A separate browser session per person, so several people can act in one test. */
export async function as(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext()
  const page = await context.newPage()
  await signIn(page, email)
  return page
}

/**
 * Reloads, once more if the browser aborted the first reload because another navigation
 * (a late router refresh after an action) replaced it: the page is loaded either way.
 */
export async function reload(page: Page) {
  try {
    await page.reload()
  } catch (err) {
    if (!String(err).includes('ERR_ABORTED')) throw err
    await page.reload()
  }
}

/**
 * Waits until the page's own requests (link prefetches, chart scripts) are done. A page with
 * live updates keeps an EventSource open for good, which Playwright's 'networkidle' would
 * wait on for ever, so the live stream is refused for this page first (it reconnects in
 * vain, quietly) — call it before the navigation whose requests you wait for.
 */
export async function withoutLiveStream(page: Page) {
  await page.route(/\/api\/[^/]+\/events(\?|$)/, (route) => route.abort())
}

export const unique = (label: string) => `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`

/** The ticket detail page, shared by the workspace and the portal. */
export class TicketPage {
  constructor(readonly page: Page) {}
  status() { return this.page.getByRole('main').locator('header').getByText(/^(New|Open|In progress|Pending|On hold|Resolved|Closed|Cancelled)$/).first() }
  async reply(body: string, opts: { internal?: boolean } = {}) {
    if (opts.internal) await this.page.getByLabel('Internal note (staff only)').check()
    await this.page.getByLabel(opts.internal ? 'Internal note' : 'Reply', { exact: true }).fill(body)
    await this.page.getByRole('button', { name: opts.internal ? 'Add internal note' : 'Send reply' }).click()
    await expect(this.page.getByRole('listitem').filter({ hasText: body })).toBeVisible()
  }
  /** Picks a workflow move, fills the note when given, and confirms. */
  async move(button: string, note?: string) {
    await this.page.getByRole('button', { name: button, exact: true }).first().click()
    if (note !== undefined) await this.page.getByLabel(/Resolution note|Reason for cancelling|Note \(optional\)/).fill(note)
    await this.page.locator('form').getByRole('button', { name: button, exact: true }).click()
  }
}

export const test = base
export { expect }
