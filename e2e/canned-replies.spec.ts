import { as, expect, test, unique } from './fixtures'

test('an admin shares a canned reply, an agent writes a personal one, and inserts it filled into a ticket reply by keyboard', async ({ browser }) => {
  test.slow()
  const admin = await as(browser, 'admin@acme.test')
  await admin.goto('/acme/settings/canned-replies')
  await expect(admin.getByRole('heading', { name: 'Canned replies', level: 1 })).toBeVisible()
  const shared = unique('Reboot first')
  await admin.getByLabel('Title').fill(shared)
  await admin.getByLabel('Reply text').fill('Hello {{requester.name}}, please restart the device and tell us if #{{ticket.number}} persists.')
  await admin.getByLabel('Shared with all agents of the organisation').check()
  await admin.getByRole('button', { name: 'Save canned reply' }).click()
  await expect(admin.getByRole('list', { name: 'Shared with all agents' }).getByRole('listitem', { name: shared })).toBeVisible()
  await admin.screenshot({ path: 'test-results/canned-replies-settings.png', fullPage: true })

  const agent = await as(browser, 'agent@acme.test')
  await agent.goto('/acme/canned-replies')
  // The shared one is there, read-only for an agent.
  const sharedRow = agent.getByRole('list', { name: 'Shared with all agents' }).getByRole('listitem', { name: shared })
  await expect(sharedRow).toBeVisible()
  await expect(sharedRow.getByRole('button', { name: /Edit|Delete/ })).toHaveCount(0)
  const mine = unique('On my way')
  await agent.getByLabel('Title').fill(mine)
  await agent.getByLabel('Reply text').fill('Hi {{requester.nam}}, {{agent.name}} is on the way.')
  await agent.getByRole('button', { name: 'Save canned reply' }).click()
  await expect(agent.getByText(/Unknown placeholder \{\{requester\.nam\}\}/)).toBeVisible()
  await agent.getByLabel('Reply text').fill('Hi {{requester.name}}, {{agent.name}} is on the way to #{{ticket.number}}.')
  await agent.getByRole('button', { name: 'Save canned reply' }).click()
  await expect(agent.getByRole('list', { name: 'Only mine' }).getByRole('listitem', { name: mine })).toBeVisible()

  // Another agent never sees it.
  const other = await as(browser, 'agent2@acme.test')
  await other.goto('/acme/canned-replies')
  await expect(other.getByRole('heading', { name: 'Canned replies', level: 1 })).toBeVisible()
  await expect(other.getByText(mine)).toHaveCount(0)

  // In a ticket: search by keyboard, Enter inserts the filled text, nothing is sent.
  await agent.goto('/acme/tickets/1')
  const raised = await agent.getByText(/Raised by /).first().textContent()
  const requester = /Raised by (.+?) \(/.exec(raised ?? '')?.[1]
  expect(requester).toBeTruthy()
  const picker = agent.getByLabel('Insert a canned reply')
  await picker.click()
  await picker.fill(mine.split(' ').slice(0, 2).join(' '))
  await expect(agent.getByRole('option', { name: new RegExp(mine) })).toBeVisible()
  await picker.press('ArrowDown')
  await picker.press('Home')
  await picker.press('Enter')
  const reply = agent.getByLabel('Reply', { exact: true })
  await expect(reply).toHaveValue(/ is on the way to #1\.$/)
  const text = await reply.inputValue()
  expect(text).toContain('Andy Agent is on the way')
  expect(text).not.toContain('{{')
  expect(text).toContain(`Hi ${requester},`)
  await expect(reply).toBeFocused()
  await agent.screenshot({ path: 'test-results/canned-replies-picker.png', fullPage: true })
})

test('a requester cannot reach canned replies', async ({ browser }) => {
  const requester = await as(browser, 'requester@acme.test')
  await requester.goto('/acme/canned-replies')
  await expect(requester).toHaveURL(/no-access/)
})
