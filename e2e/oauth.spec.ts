import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

// OAuth sign-in (issue 18) against a real OpenID Connect provider started by the run
// (e2e/oidc-server.ts, from e2e/global-setup.ts), through Auth.js's generic OIDC provider:
// the same code path as Google and Entra. The provider's login names the account
// `verified:<email>` or `unverified:<email>` (see the server).

async function viaProvider(page: Page, login: string, callbackUrl?: string) {
  await page.goto(callbackUrl ? `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}` : '/sign-in')
  await page.getByRole('button', { name: 'Continue with Test SSO' }).click()
  await page.locator('input[name=login]').fill(login)
  await page.locator('input[name=password]').fill('anything')
  await page.getByRole('button', { name: 'Sign-in' }).click()
  // The provider asks once per account to share the profile with the app.
  const consent = page.getByRole('button', { name: 'Continue', exact: true })
  await expect(consent.or(page.getByRole('banner')).or(page.getByText(/cannot sign you in here|never creates an account/)).first()).toBeVisible()
  if (await consent.isVisible()) await consent.click()
}

test('a verified email of an existing member signs in through the provider, and stays linked', async ({ page, browser }) => {
  await viaProvider(page, 'verified:agent2@metro.test', '/metro/tickets')
  await expect(page).toHaveURL(/\/metro\/tickets$/)
  await expect(page.getByRole('banner')).toContainText('Lena Liaison')
  await page.goto('/metro/security')
  await expect(page.getByText('Single sign-on')).toBeVisible()
  await expect(page.getByText('(agent2@metro.test)')).toBeVisible()

  // Signing in again follows the link.
  const again = await (await browser.newContext()).newPage()
  await viaProvider(again, 'verified:agent2@metro.test', '/metro/tickets')
  await expect(again).toHaveURL(/\/metro\/tickets$/)
})

test('an unverified email is refused, and so is a verified one nobody here has; no account is made', async ({ page, browser }) => {
  await viaProvider(page, 'unverified:agent@metro.test')
  await expect(page).toHaveURL(/\/sign-in\?error=OAuthUnverified/)
  await expect(page.getByRole('alert').filter({ hasText: 'did not confirm a verified email address' })).toBeVisible()
  await page.screenshot({ path: 'test-results/oauth-refused.png', fullPage: true })

  // A new browser: the provider would otherwise remember the account just used.
  const stranger = await (await browser.newContext()).newPage()
  await viaProvider(stranger, `verified:stranger-${Date.now()}@nowhere.test`)
  await expect(stranger).toHaveURL(/\/sign-in\?error=OAuthUnknown/)
  await expect(stranger.getByRole('alert').filter({ hasText: 'never creates an account' })).toBeVisible()
  // Neither is signed in.
  for (const p of [page, stranger]) {
    await p.goto('/metro/tickets')
    await expect(p).toHaveURL(/\/sign-in\?callbackUrl=/)
  }
})
