import { as, expect, signIn, test, unique } from './fixtures'

test('an admin adds a member, promotes them, and deactivates them; the new member signs in', async ({ browser }) => {
  const admin = await as(browser, 'admin@acme.test')
  await admin.goto('/acme/settings/members')
  const email = `${unique('new').replace(/\W+/g, '-')}@acme.test`
  const name = unique('Nina Newcomer')

  // A bad address is refused next to the field.
  await admin.getByLabel('Email', { exact: true }).fill('not-an-email')
  await admin.getByRole('button', { name: 'Add member' }).click()
  await expect(admin.getByText('Enter a valid email address')).toBeVisible()

  await admin.getByLabel('Email', { exact: true }).fill(email)
  await admin.getByLabel('Name').fill(name)
  await admin.getByLabel('Role', { exact: true }).selectOption('requester')
  await admin.getByLabel(/Initial password/).fill('welcome-123')
  await admin.getByRole('button', { name: 'Add member' }).click()
  const row = admin.getByRole('row').filter({ hasText: email })
  await expect(row).toBeVisible()
  // The list is searched in the database as you type; the URL keeps the search (shareable).
  await admin.getByRole('searchbox', { name: 'Search' }).fill(email.toUpperCase())
  await expect(admin).toHaveURL(/[?&]q=/)
  await expect(admin.getByRole('row')).toHaveCount(2) // the header and the one match
  await expect(row).toBeVisible()
  await admin.getByLabel('Role filter').selectOption('agent')
  await expect(admin.getByText('No member matches this search.')).toBeVisible()
  await admin.getByLabel('Role filter').selectOption('requester')
  await expect(row).toBeVisible()
  await admin.getByLabel('Role filter').selectOption('')
  await expect(admin).not.toHaveURL(/role=/)

  // The new requester can sign in and lands in the portal.
  const newcomer = await (await browser.newContext()).newPage()
  await signIn(newcomer, email, 'welcome-123')
  await expect(newcomer).toHaveURL(/\/acme\/portal/)

  await row.getByLabel(`Role of ${name}`).selectOption('agent')
  await row.getByRole('button', { name: 'Save' }).click()
  await expect(row.getByText('Saved')).toBeVisible()

  await row.getByRole('button', { name: /Deactivate/ }).click()
  await admin.getByRole('dialog').getByRole('button', { name: 'Deactivate' }).click()
  await expect(row.getByText('Deactivated')).toBeVisible()

  // The audit log has a record of all three changes.
  await admin.goto('/acme/settings/audit')
  await expect(admin.getByText(/Chain intact/)).toBeVisible()
  await expect(admin.getByRole('table')).toContainText('member.added')
  // Entities read as words with their names, linked to where they live (issue 18).
  await expect(admin.getByRole('table').getByRole('link', { name: `Member ${name}` }).first()).toHaveAttribute('href', '/acme/settings/members')
  await expect(admin.getByRole('table')).not.toContainText(/[A-Z][a-z]+_[a-z]+ [0-9a-f]{8}/)

  // Days are the viewer's, and a From after To is refused next to To, not answered with an empty list.
  await expect(admin.getByText(/^To \(/)).toBeVisible()
  await admin.goto('/acme/settings/audit?from=2026-03-02&to=2026-03-01')
  await expect(admin.getByRole('alert').filter({ hasText: 'Choose a day on or after the From day' })).toBeVisible()
  await expect(admin.getByLabel(/^To/)).toHaveAttribute('aria-invalid', 'true')
  await expect(admin.getByText('No events match these filters')).toHaveCount(0)
})

test('an agent cannot open the settings', async ({ page }) => {
  await signIn(page, 'agent@acme.test')
  await page.goto('/acme/settings/members')
  await expect(page).toHaveURL(/\/no-access/)
})
