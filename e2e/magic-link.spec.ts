import { expect, test } from './fixtures'
import { inbox } from './mail-inbox'

// The app under test sends over SMTP to the run's server (e2e/global-setup.ts), so the
// link travels the real mail path: outbox → worker → SMTP → inbox.

test('a resident signs in with a one-time link sent by email', async ({ page, browser }) => {
  await page.goto('/sign-in')
  await page.getByLabel('Email me a sign-in link instead').fill('requester2@metro.test')
  await page.getByRole('button', { name: 'Send link' }).click()
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible()

  let link = ''
  await expect.poll(() => {
    const m = inbox().find((r) => r.to.includes('requester2@metro.test') && r.subject === 'Your sign-in link')
    link = /https?:\/\/\S+callback\/nodemailer\S+/.exec(m?.text ?? '')?.[0] ?? ''
    return link
  }, { timeout: 30_000 }).not.toBe('')

  await page.goto(link)
  await expect(page).toHaveURL(/\/metro\/portal$/)
  await expect(page.getByRole('banner')).toContainText('Tom Resident')

  // The link works once.
  const other = await (await browser.newContext()).newPage()
  await other.goto(link)
  await expect(other.getByText('expired or was already used')).toBeVisible()
})

test('asking for a link for an unknown address looks the same and sends nothing', async ({ page }) => {
  await page.goto('/sign-in')
  await page.getByLabel('Email me a sign-in link instead').fill('nobody-at-all@metro.test')
  await page.getByRole('button', { name: 'Send link' }).click()
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible()
  // A link asked for afterwards by a real account arrives; by then the unknown one would have too.
  await page.goto('/sign-in')
  await page.getByLabel('Email me a sign-in link instead').fill('requester@metro.test')
  await page.getByRole('button', { name: 'Send link' }).click()
  await expect.poll(() => inbox().some((r) => r.to.includes('requester@metro.test') && r.subject === 'Your sign-in link'), { timeout: 30_000 }).toBe(true)
  expect(inbox().filter((r) => r.to.includes('nobody-at-all@metro.test'))).toHaveLength(0)
})
