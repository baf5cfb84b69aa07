import { as, expect, test, unique } from './fixtures'

test('a requester pasting more than the limit keeps every character and is told how much to cut', async ({ browser }) => {
  const page = await as(browser, 'requester@acme.test')
  await page.goto('/acme/portal/new')
  const title = unique('Long paste')
  await page.getByLabel('Title').fill(title)
  const text = 'x'.repeat(99_990) + ' the end'
  const description = page.getByLabel('Description')
  await description.fill(text)
  // Nothing is cut: the whole paste stays in the field (a maxLength attribute would keep 20,000).
  expect(await description.evaluate((el: HTMLTextAreaElement) => el.value.length)).toBe(text.length)
  await expect(page.getByText('79,998 characters over the limit of 20,000')).toBeVisible()

  await page.getByRole('button', { name: 'Submit ticket' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'Keep the description under 20,000 characters' })).toBeVisible()
  await expect(page).toHaveURL(/\/portal\/new$/)
  expect(await description.evaluate((el: HTMLTextAreaElement) => el.value.length)).toBe(text.length)

  // Cutting it down to the limit sends it, with every character kept.
  await description.fill('y'.repeat(20_000))
  await expect(page.getByText('20,000 / 20,000')).toBeVisible()
  await page.getByRole('button', { name: 'Submit ticket' }).click()
  await expect(page).toHaveURL(/\/portal\/\d+/)
  await expect(page.getByRole('heading', { name: title })).toBeVisible()
})
