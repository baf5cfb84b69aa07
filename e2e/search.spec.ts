import { expect, signIn, test } from './fixtures'

// The one search box, as a new user tries it: words in any order, from the description,
// a clear message for a bad token, and the help that says what else it understands.

test('an agent finds a ticket by words from its description, in any order, and sees where it matched', async ({ page }) => {
  await signIn(page, 'agent@acme.test')
  await page.goto('/acme/tickets')
  const box = page.getByRole('searchbox', { name: 'Search' })
  // Both words are only in the description ("…flickers when connected through the dock"), in the other order.
  await box.fill('dock connected')
  await box.press('Enter')
  await expect(page).toHaveURL(/q=dock\+connected/)
  const row = page.getByRole('row').filter({ hasText: 'Second monitor flickers' }).first()
  await expect(row).toBeVisible()
  // The snippet says where it matched and marks the words.
  await expect(row.getByText('Description:')).toBeVisible()
  await expect(row.locator('mark').filter({ hasText: 'dock' })).toBeVisible()
  await page.screenshot({ path: 'test-results/search-list.png' })

  await box.fill('flickers status:opne')
  await box.press('Enter')
  await expect(page.getByRole('alert').filter({ hasText: 'status:opne' })).toContainText('Unknown status "opne"')
  await expect(box).toHaveAttribute('aria-invalid', 'true')

  await page.getByLabel('Search help').click()
  await expect(page.getByText('dates (your time zone) or ages in h, d, w')).toBeVisible()
})

test('a requester\'s search never matches an internal note', async ({ browser }) => {
  const agent = await browser.newPage()
  await signIn(agent, 'agent@acme.test')
  await agent.goto('/acme/tickets?q=monitoring+dashboard')
  await expect(agent.getByText('Internal note:').first()).toBeVisible()
  const requester = await browser.newPage()
  await signIn(requester, 'requester@acme.test')
  const res = await requester.request.get('/api/v1/acme/tickets?q=monitoring+dashboard')
  expect(res.status()).toBe(200)
  expect((await res.json()).data).toEqual([])
})

test('a requester searches their own requests in the portal', async ({ page }) => {
  await signIn(page, 'requester@acme.test')
  await page.goto('/acme/portal')
  await page.getByRole('searchbox', { name: 'Search your requests' }).fill('vpn')
  await page.getByRole('button', { name: 'Search' }).click()
  await expect(page).toHaveURL(/q=vpn/)
  await expect(page.getByRole('link', { name: /VPN drops/ }).first()).toBeVisible()
  await page.getByRole('searchbox', { name: 'Search your requests' }).fill('zzzznothing')
  await page.getByRole('button', { name: 'Search' }).click()
  await expect(page.getByText('No requests match your search')).toBeVisible()
})
