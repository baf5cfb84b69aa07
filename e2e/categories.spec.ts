import { as, expect, test, unique } from './fixtures'

test('an admin adds, renames, orders, deactivates and deletes a category; requesters see the order; one in use cannot be deleted', async ({ browser }) => {
  test.slow()
  const admin = await as(browser, 'admin@metro.test')
  await admin.goto('/metro/settings/categories')
  await expect(admin.getByRole('heading', { name: 'Categories', level: 1 })).toBeVisible()
  const list = admin.getByRole('list', { name: 'Categories' })
  // In use by the seed's tickets: no delete, only deactivate.
  await expect(list.getByRole('listitem', { name: 'Pothole' })).toContainText('In use')
  await expect(list.getByRole('listitem', { name: 'Gender-based violence' }).getByText('Sensitive')).toBeVisible()

  const name = unique('Graffiti')
  // A name already taken is refused next to the field.
  await admin.getByLabel('Category name').fill('pothole')
  await admin.getByRole('button', { name: 'Add category' }).click()
  await expect(admin.getByText('There is already a category called “pothole”')).toBeVisible()
  await admin.getByLabel('Category name').fill(name)
  await admin.getByRole('button', { name: 'Add category' }).click()
  await expect(admin.getByText(`Category “${name}” added.`)).toBeVisible()
  const row = list.getByRole('listitem', { name })
  await expect(row).toContainText('Not used yet')

  // Move it to the top, one place at a time, by keyboard. Each move re-renders the list
  // (and may refresh the page), so the position is read again until it settles.
  const indexOf = () => list.getByRole('listitem').evaluateAll((els, n) => els.findIndex((e) => e.getAttribute('aria-label') === n), name)
  let pos = -1
  await expect(async () => { pos = await indexOf(); expect(pos).toBeGreaterThan(0) }).toPass()
  while (pos > 0) {
    await row.getByRole('button', { name: `Move ${name} up` }).press('Enter')
    const want = pos - 1
    await expect(async () => expect(await indexOf()).toBe(want)).toPass()
    pos = want
  }
  await expect(list.getByRole('listitem').first()).toHaveAttribute('aria-label', name)

  // Rename it and mark it sensitive.
  await row.getByRole('button', { name: `Edit ${name}` }).click()
  const dialog = admin.getByRole('dialog', { name: `Edit ${name}` })
  await dialog.getByLabel('Category name').fill(`${name} (walls)`)
  await dialog.getByLabel('Sensitive').check()
  await dialog.getByRole('button', { name: 'Save category' }).click()
  const renamed = list.getByRole('listitem', { name: `${name} (walls)` })
  await expect(renamed.locator('span', { hasText: /^Sensitive$/ })).toBeVisible()

  // A resident sees it first in the picker.
  const resident = await as(browser, 'requester@metro.test')
  await resident.goto('/metro/portal/new')
  await expect(resident.getByLabel('Category').locator('option').nth(1)).toHaveText(`${name} (walls)`)

  // Deactivated, it leaves the picker.
  await renamed.getByRole('button', { name: `Deactivate ${name} (walls)` }).click()
  await expect(renamed.getByText('Inactive')).toBeVisible()
  await resident.reload()
  await expect(resident.getByLabel('Category').locator('option', { hasText: name })).toHaveCount(0)

  // Deleted after a confirmation.
  await renamed.getByRole('button', { name: `Delete ${name} (walls)` }).click()
  await admin.getByRole('dialog', { name: `Delete the category ${name} (walls)?` }).getByRole('button', { name: 'Delete category' }).click()
  await expect(list.getByRole('listitem', { name: `${name} (walls)` })).toHaveCount(0)
  await admin.screenshot({ path: 'test-results/categories.png', fullPage: true })
})

test('an agent cannot open the categories or notification settings', async ({ browser }) => {
  const agent = await as(browser, 'agent@metro.test')
  for (const path of ['/metro/settings/categories', '/metro/settings/notifications']) {
    await agent.goto(path)
    await expect(agent).toHaveURL(/no-access/)
  }
})

test('an admin sets who hears of a completed job, writes its email with a preview, and a bad placeholder is refused', async ({ browser }) => {
  const admin = await as(browser, 'admin@acme.test')
  await admin.goto('/acme/settings/notifications')
  await expect(admin.getByRole('heading', { name: 'Notifications', level: 1 })).toBeVisible()
  const card = admin.getByRole('form', { name: 'Job completed (resolved) notification' })
  // The seed's field-ops set: requester and technician.
  await expect(card.getByLabel('Requester')).toBeChecked()
  await expect(card.getByLabel('Assignee (technician)')).toBeChecked()
  await card.getByLabel('Email subject').fill('Done: #{{ticket.number}} {{ticket.titel}}')
  await card.getByRole('button', { name: /^Save/ }).click()
  await expect(card.getByText(/Unknown placeholder \{\{ticket\.titel\}\}/)).toBeVisible()
  await card.getByLabel('Email subject').fill('Done: #{{ticket.number}} {{ticket.title}}')
  await expect(card.getByTestId('preview-subject')).toHaveText('Done: #123 Streetlight out on Elm Street')
  await card.getByRole('button', { name: /^Save/ }).click()
  await expect(card.getByText('Saved.')).toBeVisible()
  await admin.reload()
  await expect(admin.getByRole('form', { name: 'Job completed (resolved) notification' }).getByLabel('Email subject')).toHaveValue('Done: #{{ticket.number}} {{ticket.title}}')

  const general = admin.getByRole('form', { name: 'General notification settings' })
  await general.getByLabel('Close resolved tickets after (days)').fill('10')
  await general.getByRole('button', { name: 'Save' }).click()
  await expect(general.getByText('Saved.')).toBeVisible()
  await admin.screenshot({ path: 'test-results/notification-settings.png', fullPage: true })
  // Back to the seed's settings, for the other specs sharing this server.
  await general.getByLabel('Close resolved tickets after (days)').fill('7')
  await general.getByRole('button', { name: 'Save' }).click()
  await expect(general.getByText('Saved.')).toBeVisible()
  const again = admin.getByRole('form', { name: 'Job completed (resolved) notification' })
  await again.getByLabel('Email subject').fill('')
  await again.getByRole('button', { name: /^Save/ }).click()
  await expect(again.getByText('Saved.')).toBeVisible()
})

test('an admin sees the inbound address and lets strangers open tickets by email, then refuses them again', async ({ browser }) => {
  const admin = await as(browser, 'admin@acme.test')
  await admin.goto('/acme/settings/notifications')
  const email = admin.getByRole('form', { name: 'Email settings' })
  await expect(email.getByTestId('inbound-address')).toHaveText(/^acme@/)
  await expect(email.getByLabel('Refuse mail from people who are not members')).toBeChecked()
  await email.getByLabel('Accept it: the sender becomes a requester').check()
  await email.getByRole('button', { name: 'Save' }).click()
  await expect(email.getByText('Saved.')).toBeVisible()
  await admin.screenshot({ path: 'test-results/screens/inbound-settings.png', fullPage: true })
  await admin.reload()
  const again = admin.getByRole('form', { name: 'Email settings' })
  await expect(again.getByLabel('Accept it: the sender becomes a requester')).toBeChecked()
  // Back to the seed's policy, for the other specs sharing this server.
  await again.getByLabel('Refuse mail from people who are not members').check()
  await again.getByRole('button', { name: 'Save' }).click()
  await expect(again.getByText('Saved.')).toBeVisible()
  await admin.reload()
  await expect(admin.getByRole('form', { name: 'Email settings' }).getByLabel('Refuse mail from people who are not members')).toBeChecked()
})
