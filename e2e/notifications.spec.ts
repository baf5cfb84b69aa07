import { as, expect, signIn, test, TicketPage, unique } from './fixtures'

// Metro's second resident is used by no other spec that acts on tickets, so the unread
// count this spec reads and clears is not moved by specs running alongside it.
const RESIDENT = 'requester2@metro.test'

test('a resident is told about a reply: bell count, notifications page, open the ticket, mark all read', async ({ browser }) => {
  const title = unique('Streetlight out on Elm Road')
  const resident = await as(browser, RESIDENT)
  await resident.goto('/metro/portal/new')
  await resident.getByLabel('Title').fill(title)
  await resident.getByLabel('Description').fill('The light at number 12 has been out for a week.')
  await resident.getByRole('button', { name: 'Submit ticket' }).click()
  await expect(resident.getByText(/your request #\d+ has been received/)).toBeVisible()
  const number = Number(/portal\/(\d+)/.exec(resident.url())![1])

  const agent = await as(browser, 'agent@metro.test')
  await agent.goto(`/metro/tickets/${number}`)
  await new TicketPage(agent).reply('A crew is booked for Thursday night.')

  // The bell in the header counts it.
  await resident.reload()
  const bell = resident.getByRole('banner').getByRole('link', { name: /^Notifications, [1-9]\d* unread$/ })
  await expect(bell).toBeVisible()
  await bell.click()
  await expect(resident).toHaveURL(/\/metro\/notifications$/)
  await expect(resident.getByRole('heading', { name: 'Notifications' })).toBeVisible()

  const list = resident.getByRole('list', { name: 'Notifications' })
  const reply = list.getByRole('link', { name: new RegExp(`Unread: Maya Agent replied on ticket #${number}\\b.*${title}`) })
  await expect(reply).toBeVisible()
  await expect(list.getByRole('link', { name: new RegExp(`Ticket #${number} was received`) })).toBeVisible()

  // Opening it goes to the request in the portal and marks that one read.
  await reply.click()
  await expect(resident).toHaveURL(new RegExp(`/metro/portal/${number}$`))
  await expect(resident.getByText('A crew is booked for Thursday night.')).toBeVisible()
  await expect(async () => {
    await resident.goto('/metro/notifications')
    await expect(resident.getByRole('button', { name: new RegExp(`^Mark read\\W+Maya Agent replied on ticket #${number}$`) })).toHaveCount(0, { timeout: 1_000 })
  }).toPass()
  await expect(resident.getByRole('button', { name: new RegExp(`^Mark read\\W+Ticket #${number} was received$`) })).toBeVisible()

  await resident.getByRole('button', { name: 'Mark all as read' }).click()
  await expect(resident.getByRole('banner').getByRole('link', { name: 'Notifications, no unread' })).toBeVisible()
  await expect(resident.getByText('You are all caught up.')).toBeVisible()
  await expect(list.getByRole('button', { name: /^Mark read/ })).toHaveCount(0)
})

test('a resident chooses which events reach them by email, and sees only events about their own requests', async ({ page }) => {
  await signIn(page, RESIDENT)
  await page.goto('/metro/notifications')
  await page.getByRole('link', { name: 'Preferences', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Notification preferences' })).toBeVisible()
  await expect(page.getByRole('checkbox')).toHaveCount(8) // 4 events × email, in-app
  await expect(page.getByText(/SLA target|assigned to me/)).toHaveCount(0)

  const box = page.getByLabel('Someone replies on my ticket: Email')
  await expect(box).toBeChecked()
  await box.uncheck()
  await page.getByRole('button', { name: 'Save preferences' }).click()
  await expect(page.getByText('Preferences saved.')).toBeVisible()
  await page.reload()
  await expect(page.getByLabel('Someone replies on my ticket: Email')).not.toBeChecked()
  await expect(page.getByLabel('Someone replies on my ticket: In-app')).toBeChecked()

  await page.getByLabel('Someone replies on my ticket: Email').check()
  await page.getByRole('button', { name: 'Save preferences' }).click()
  await expect(page.getByText('Preferences saved.')).toBeVisible()
})

test('an admin sees the sent mail and the delivery queue', async ({ browser }) => {
  const admin = await as(browser, 'admin@metro.test')
  await admin.goto('/metro/settings')
  const settingsNav = admin.getByRole('navigation', { name: 'Settings' })

  // Mail waits in the queue while the SMTP server is down and moves to "Sent mail" once
  // it is delivered, so either page may hold a given message: each shows rows or says it is empty.
  await settingsNav.getByRole('link', { name: 'Delivery queue' }).click()
  await expect(admin.getByRole('heading', { name: 'Delivery queue' })).toBeVisible()
  await expect(admin.getByRole('table').or(admin.getByText('Nothing waiting — every message was delivered'))).toBeVisible()

  await settingsNav.getByRole('link', { name: 'Sent mail' }).click()
  await expect(admin.getByRole('heading', { name: 'Sent mail' })).toBeVisible()
  const mail = admin.getByRole('list', { name: 'Sent mail' })
  await expect(mail.or(admin.getByText('No mail yet'))).toBeVisible()
  // SMTP is configured in the test server, so the "kept here" banner is not shown.
  await expect(admin.getByText('No SMTP server is configured')).toHaveCount(0)
})

test('an admin adds a signed webhook and removes it again', async ({ browser }) => {
  const admin = await as(browser, 'admin@metro.test')
  await admin.goto('/metro/settings/webhooks')
  await expect(admin.getByRole('heading', { name: 'Webhooks' })).toBeVisible()
  await expect(admin.getByText('X-Helpdesk-Signature')).toBeVisible()
  const secret = admin.getByLabel('Signing secret')
  await expect(secret).toHaveValue(/^\S{16,}$/)

  // Every field error shows next to its field.
  await admin.getByLabel('Endpoint URL').fill('not a url')
  await secret.fill('short')
  await admin.getByRole('button', { name: 'Add webhook' }).click()
  await expect(admin.getByText('Enter a full URL')).toBeVisible()
  await expect(admin.getByText('Use a secret of at least 16 characters')).toBeVisible()

  // The cloud metadata endpoint, and anything else on an internal network, is refused at the field.
  await admin.getByLabel('Endpoint URL').fill('http://169.254.169.254/latest/meta-data/')
  await secret.fill('a-shared-secret-for-the-gateway')
  await admin.getByRole('button', { name: 'Add webhook' }).click()
  await expect(admin.getByText('Webhooks can only reach public internet addresses')).toBeVisible()
  await expect(admin.getByRole('row').filter({ hasText: '169.254.169.254' })).toHaveCount(0)

  const url = `https://sms-gateway.example.test/${unique('hook').replace(/\W+/g, '-')}`
  await admin.getByLabel('Endpoint URL').fill(url)
  await secret.fill('a-shared-secret-for-the-gateway')
  await admin.getByRole('button', { name: 'Add webhook' }).click()
  await expect(admin.getByRole('status').filter({ hasText: 'Webhook added' })).toContainText('a-shared-secret-for-the-gateway')
  const row = admin.getByRole('row').filter({ hasText: url })
  await expect(row).toContainText('Active')
  // The form is ready for the next endpoint, with a fresh secret.
  await expect(admin.getByLabel('Endpoint URL')).toHaveValue('')
  await expect(secret).not.toHaveValue('a-shared-secret-for-the-gateway')

  await row.getByRole('button', { name: `Remove ${url}` }).click()
  const dialog = admin.getByRole('dialog', { name: 'Remove this webhook?' })
  await expect(dialog).toContainText(url)
  await dialog.getByRole('button', { name: 'Remove webhook' }).click()
  await expect(admin.getByRole('row').filter({ hasText: url })).toHaveCount(0)
})
