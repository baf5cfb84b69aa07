import { as, expect, test, unique } from './fixtures'

// §5: an admin changes a policy in the browser, and the next ticket it covers gets the new deadline.
test('an admin edits an SLA policy; a new ticket shows the new due time', async ({ browser }) => {
  const admin = await as(browser, 'admin@acme.test')
  await admin.goto('/acme/settings/sla')
  await expect(admin.getByRole('heading', { name: 'Compliance' })).toBeVisible()

  // The add form refuses a resolution target shorter than the first response, next to the field.
  const add = admin.getByRole('form', { name: 'Add SLA policy' })
  await add.getByLabel('First response', { exact: true }).fill('5')
  await add.getByLabel('First response unit').selectOption('hours')
  await add.getByLabel('Resolution', { exact: true }).fill('2')
  await add.getByLabel('Resolution unit').selectOption('hours')
  await add.getByRole('button', { name: 'Add policy' }).click()
  await expect(add.getByText('The resolution target cannot be shorter than the first-response target')).toBeVisible()

  // Edit the Low default: 7 hours to first response, on a 24/7 clock.
  await admin.getByRole('button', { name: 'Edit Low · All categories' }).click()
  const dialog = admin.getByRole('dialog', { name: 'Edit Low · All categories' })
  await dialog.getByLabel('First response', { exact: true }).fill('7')
  await dialog.getByLabel('First response unit').selectOption('hours')
  await dialog.getByLabel('Clock').selectOption('false')
  await dialog.getByRole('button', { name: 'Save policy' }).click()
  await expect(dialog).toBeHidden()
  const row = admin.getByRole('row').filter({ has: admin.getByRole('cell', { name: 'Low', exact: true }) }).filter({ hasText: 'All categories' })
  await expect(row).toContainText('7 h')
  await expect(row).toContainText('24/7')

  // A new Low ticket, filed by staff for a requester, is due for a first response 7 hours from now.
  await admin.goto('/acme/tickets/new')
  const title = unique('Label printer offline')
  await admin.getByLabel("Requester's email").fill('requester@acme.test')
  await admin.getByLabel('Title').fill(title)
  await admin.getByLabel('Description').fill('The label printer in the warehouse shows offline since this morning.')
  await admin.getByLabel('Priority').selectOption('low')
  const filedAt = Date.now()
  await admin.getByRole('button', { name: 'Submit ticket' }).click()
  await expect(admin.getByRole('heading', { name: title })).toBeVisible()

  const sla = admin.getByRole('region', { name: 'SLA' })
  await expect(sla).toContainText('Low · All categories')
  await expect(sla).toContainText('(24/7)')
  const response = sla.locator('div').filter({ hasText: /^First response/ })
  await expect(response).toContainText('First response · 7 h')
  await expect(response).toContainText(/due in 6 h|due in 7 h/)
  const due = Date.parse((await response.locator('time').getAttribute('datetime'))!)
  expect(Math.abs(due - (filedAt + 7 * 3600_000))).toBeLessThan(2 * 60_000)
})
