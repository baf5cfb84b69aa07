import { expect, reload, signIn, test, unique } from './fixtures'

// Saved views, column choice and sorting on the agent workspace list (§11), as an agent uses them.

// One retry, as the live and lifecycle specs: on Postgres under the suite's load (2026-12-07)
// a sort click right after the previous sort's navigation once changed nothing for 15 s, a
// lost client navigation as in vercel/next.js#83386. A second failure still fails the suite.
test.describe.configure({ retries: 1 })

test('an agent saves a view, finds it beside the queues with a count, opens it, and deletes it after confirming', async ({ page }) => {
  await signIn(page, 'agent@acme.test')
  await page.goto('/acme/tickets')
  const views = page.getByRole('navigation', { name: 'Saved views' })
  await expect(views.getByRole('link', { name: /^My open/ })).toBeVisible()
  await expect(views.getByRole('link', { name: /^Breaching soon/ })).toBeVisible()

  const box = page.getByRole('searchbox', { name: 'Search' })
  await box.fill('vpn')
  await box.press('Enter')
  await expect(page).toHaveURL(/q=vpn/)

  const dialog = page.getByRole('dialog', { name: 'Save this view' })
  // The list streams in after the page's shell; a click that lands before the button is
  // hydrated does nothing, so it is pressed until the dialog opens.
  await expect(async () => {
    await page.getByRole('button', { name: 'Save view' }).click()
    await expect(dialog).toBeVisible({ timeout: 2_000 })
  }).toPass()
  await expect(dialog.getByText('vpn', { exact: true })).toBeVisible()
  // A name is required; the message sits by the field.
  await dialog.getByRole('button', { name: 'Save view' }).click()
  await expect(dialog.getByLabel('View name')).toHaveAttribute('aria-invalid', 'true')
  await expect(dialog.getByRole('alert')).toHaveText('Name the view')
  const name = unique('VPN')
  await dialog.getByLabel('View name').fill(name)
  await dialog.getByRole('button', { name: 'Save view' }).click()

  await expect(page).toHaveURL(/view=[0-9a-f-]{36}/)
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
  const link = views.getByRole('link', { name: new RegExp(`^${name},? \\d+\\+? tickets`) })
  await expect(link).toBeVisible()
  await expect(link).toHaveAttribute('aria-current', 'page')
  await expect(page.getByRole('row').filter({ hasText: /VPN/i }).first()).toBeVisible()
  await page.screenshot({ path: 'test-results/views-open.png' })

  // From the plain list, the view opens with its query in the box.
  await page.goto('/acme/tickets')
  await views.getByRole('link', { name: new RegExp(`^${name}`) }).click()
  await expect(page).toHaveURL(/view=[0-9a-f-]{36}/)
  await expect(box).toHaveValue('vpn')
  const viewUrl = page.url()

  // Delete asks first; "Keep it" keeps it. As with Save view above, a click that lands before
  // the page is hydrated does nothing, so it is pressed until the dialog opens.
  const confirm = page.getByRole('dialog', { name: `Delete the view “${name}”?` })
  await expect(async () => {
    await page.getByRole('button', { name: 'Delete view' }).click()
    await expect(confirm).toBeVisible({ timeout: 2_000 })
  }).toPass()
  await confirm.getByRole('button', { name: 'Keep it' }).click()
  await expect(confirm).toBeHidden()
  await page.getByRole('button', { name: 'Delete view' }).click()
  await confirm.getByRole('button', { name: 'Delete view' }).click()
  await expect(page).toHaveURL(/\/acme\/tickets$/)
  await expect(views.getByRole('link', { name: /^My open/ })).toBeVisible()
  await expect(views.getByRole('link', { name: new RegExp(`^${name}`) })).toHaveCount(0)

  // The deleted view's address is a 404 now, like any missing or unshared view, not the whole list.
  const gone = await page.goto(viewUrl)
  expect(gone!.status()).toBe(404)
  await expect(page.getByRole('heading', { name: 'View not found' })).toBeVisible()
  await expect(page.getByRole('table', { name: 'Tickets' })).toHaveCount(0)
})

test('an agent chooses the list\'s columns and finds them the same after a reload', async ({ page }) => {
  await signIn(page, 'agent2@acme.test')
  await page.goto('/acme/tickets')
  const table = page.getByRole('table', { name: 'Tickets' })
  const header = (name: string) => table.getByRole('columnheader', { name: new RegExp(`^${name}`) })
  await expect(header('Requester')).toBeVisible()
  await expect(header('Team')).toHaveCount(0)

  const menu = page.locator('details').filter({ hasText: 'Show columns' })
  await page.locator('summary', { hasText: 'Columns' }).click()
  const group = page.getByRole('group', { name: 'Show columns' })
  await group.getByLabel('Team').check()
  await expect(menu.getByText('Saved', { exact: true })).toBeVisible()
  await group.getByLabel('Created').check()
  await group.getByLabel('Requester').uncheck()
  await expect(menu.getByText('Saved', { exact: true })).toBeVisible()
  await expect(header('Team')).toBeVisible()
  await expect(header('Created')).toBeVisible()
  await expect(header('Requester')).toHaveCount(0)

  await reload(page)
  await expect(header('Team')).toBeVisible()
  await expect(header('Created')).toBeVisible()
  await expect(header('Requester')).toHaveCount(0)
  await page.locator('summary', { hasText: 'Columns' }).click()
  await expect(group.getByLabel('Team')).toBeChecked()
  await expect(group.getByLabel('Requester')).not.toBeChecked()
  await page.screenshot({ path: 'test-results/views-columns.png' })

  // Back to how it was, for whoever signs in as this agent next.
  await group.getByLabel('Team').uncheck()
  await group.getByLabel('Created').uncheck()
  await group.getByLabel('Requester').check()
  await expect(menu.getByText('Saved', { exact: true })).toBeVisible()
  await reload(page)
  await expect(header('Requester')).toBeVisible()
  await expect(header('Team')).toHaveCount(0)
})

test('the first click on Priority puts the most urgent first; names sort A to Z', async ({ page }) => {
  await signIn(page, 'agent@acme.test')
  await page.goto('/acme/tickets')
  const table = page.getByRole('table', { name: 'Tickets' })
  await table.getByRole('button', { name: /^Priority/ }).click()
  await expect(page).toHaveURL(/sort=priority&dir=desc/)
  await expect(table.getByRole('columnheader', { name: /^Priority/ })).toHaveAttribute('aria-sort', 'descending')
  await expect(table.getByRole('row').nth(1)).toContainText('Urgent')
  await table.getByRole('button', { name: /^Assignee/ }).click()
  await expect(page).toHaveURL(/sort=assignee&dir=asc/)
  await expect(table.getByRole('columnheader', { name: /^Assignee/ })).toHaveAttribute('aria-sort', 'ascending')
})
