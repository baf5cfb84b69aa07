import type { Page } from '@playwright/test'
import { as, expect, test, TicketPage, unique } from './fixtures'

// Issue 16: three people in three browser contexts see each other's changes without reloading.

// A live refresh goes through useReliableRefresh (components/router/use-reliable-refresh.ts): Next 15
// production builds leave some router.refresh() transitions pending for good, seen most on URLs
// with a query string (vercel/next.js#83386); the hook reloads the page after 8 s unless that
// would lose input, in which case it asks once more. On a heavily loaded machine (load average
// 30 on 2 cores) 5 of 15 runs still failed — all in the requester's ticket submission — so the
// file keeps one retry until `--repeat-each 5` passes on PGlite and Postgres.
test.describe.configure({ retries: 1 })

/** Waits for the page's live stream to be connected, and marks the document so a reload would show. */
async function live(page: Page) {
  await expect(page.locator('html')).toHaveAttribute('data-live', 'ready')
  await page.evaluate(() => { (window as unknown as { __sameDocument: boolean }).__sameDocument = true })
}
const notReloaded = (page: Page) => page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true)

async function raise(page: Page, title: string) {
  await page.goto('/acme/portal/new')
  await page.getByLabel('Title').fill(title)
  await page.getByLabel('Description').fill('The office printer shows error 49 on every job.')
  await page.getByRole('button', { name: 'Submit ticket' }).click()
  await expect(page.getByText(/your request #\d+ has been received/)).toBeVisible()
  return Number(/portal\/(\d+)/.exec(page.url())![1])
}

test('two agents and a requester see replies, assignment, presence and typing live', async ({ browser }) => {
  const title = unique('Printer error 49')
  const [requester, andy, bea] = await Promise.all([as(browser, 'requester@acme.test'), as(browser, 'agent@acme.test'), as(browser, 'agent2@acme.test')])

  // The list: a new ticket appears for an agent who has it open.
  // The list's count, not the row: the default order (what breaches first) may put a new
  // ticket past page 1 on a long-lived database. (A filtered, sorted list: the last test.)
  await bea.goto('/acme/tickets')
  await live(bea)
  const count = bea.getByText(/^\d+ tickets?$/).first()
  const before = await count.textContent()
  const number = await raise(requester, title)
  await expect(count).not.toHaveText(before!)
  expect(await notReloaded(bea)).toBe(true)

  await andy.goto(`/acme/tickets/${number}`)
  await live(andy)
  await bea.goto(`/acme/tickets/${number}`)
  await live(bea)
  // The requester starts from a bell with nothing unread, so a new notification shows as a change.
  await requester.goto('/acme/notifications')
  const markAll = requester.getByRole('button', { name: 'Mark all as read' })
  if (await markAll.isVisible()) await markAll.click()
  await expect(requester.getByRole('banner').getByRole('link', { name: 'Notifications, no unread' })).toBeVisible()
  await requester.goto(`/acme/portal/${number}`)
  await live(requester)

  // Presence: each agent sees the other viewing, then typing.
  const andySees = andy.getByTestId('presence')
  await expect(andySees.getByText('Bea Agent is viewing')).toBeVisible()
  await expect(bea.getByTestId('presence').getByText('Andy Agent is viewing')).toBeVisible()
  await bea.getByLabel('Reply', { exact: true }).pressSequentially('Looking into')
  await expect(andySees.getByText('Bea Agent is typing a reply…')).toBeVisible()
  await andy.screenshot({ path: 'test-results/screens/live-presence.png', fullPage: true })

  // The requester's reply reaches both agents; the agent's answer reaches the requester, with the bell.
  const bell = requester.getByRole('banner').getByRole('link', { name: /^Notifications, / })
  const unreadBefore = await bell.getAttribute('aria-label')
  await new TicketPage(requester).reply('It also jams on tray 2.')
  await expect(andy.getByRole('listitem').filter({ hasText: 'It also jams on tray 2.' })).toBeVisible()
  await expect(bea.getByRole('listitem').filter({ hasText: 'It also jams on tray 2.' })).toBeVisible()
  await new TicketPage(andy).reply('A technician is on the way.')
  await expect(requester.getByRole('listitem').filter({ hasText: 'A technician is on the way.' })).toBeVisible()
  await expect(bell).not.toHaveAttribute('aria-label', unreadBefore!)

  // An internal note reaches the other agent, never the requester.
  await new TicketPage(andy).reply('Toner supplier is slow this week.', { internal: true })
  await expect(bea.getByRole('listitem').filter({ hasText: 'Toner supplier is slow this week.' })).toBeVisible()

  // Assignment: Bea takes it, Andy's page says so.
  await bea.getByRole('button', { name: 'Assign to me' }).click()
  await expect(andy.getByTestId('assignment-summary')).toContainText('Bea Agent')

  // Nothing was reloaded, and Bea's typed text survived every refresh.
  for (const p of [andy, bea, requester]) expect(await notReloaded(p)).toBe(true)
  await expect(bea.getByLabel('Reply', { exact: true })).toHaveValue('Looking into')
  await expect(requester.getByText('Toner supplier is slow this week.')).toHaveCount(0)

  // Leaving the page removes Bea from Andy's list.
  await bea.goto('/acme/tickets')
  await expect(andySees.getByText(/Bea Agent/)).toHaveCount(0)
})

test('an agent answering after a newer reply arrived is asked to confirm, then can send anyway', async ({ browser }) => {
  const title = unique('VPN drops hourly')
  const requester = await as(browser, 'requester@acme.test')
  const number = await raise(requester, title)
  const andy = await as(browser, 'agent@acme.test')
  // Andy's live stream is cut (a flaky network), so the page does not learn of the reply by itself.
  await andy.route('**/api/acme/events', (route) => route.abort())
  await andy.goto(`/acme/tickets/${number}`)
  await requester.goto(`/acme/portal/${number}`)
  await new TicketPage(requester).reply('Actually it is every 30 minutes.')

  await andy.getByLabel('Reply', { exact: true }).fill('Please reinstall the client.')
  await andy.getByRole('button', { name: 'Send reply' }).click()
  const question = andy.getByRole('alert').filter({ hasText: '1 new reply since you opened this ticket — send anyway?' })
  await expect(question).toBeVisible()
  await andy.screenshot({ path: 'test-results/screens/live-send-anyway.png', fullPage: true })
  // The refused reply was not sent, and the newer one is now shown above the composer.
  await expect(andy.getByRole('listitem').filter({ hasText: 'Actually it is every 30 minutes.' })).toBeVisible()
  await expect(andy.getByRole('listitem').filter({ hasText: 'Please reinstall the client.' })).toHaveCount(0)
  await question.getByRole('button', { name: 'Send anyway' }).click()
  await expect(andy.getByRole('listitem').filter({ hasText: 'Please reinstall the client.' })).toBeVisible()
  // …and reaches the requester's open page live.
  await expect(requester.getByRole('listitem').filter({ hasText: 'Please reinstall the client.' })).toBeVisible()
})

test('a filtered, sorted list follows new tickets and status changes live; a half-typed reply survives a refresh that is late', async ({ browser }) => {
  const title = unique('Scanner offline')
  const [requester, andy, bea] = await Promise.all([as(browser, 'requester@acme.test'), as(browser, 'agent@acme.test'), as(browser, 'agent2@acme.test')])

  // Bea watches new tickets, latest activity first: a URL with a query string (vercel/next.js#83386).
  await bea.goto('/acme/tickets?status=new&sort=updated&dir=desc')
  await live(bea)
  const number = await raise(requester, title)
  const row = bea.getByRole('row').filter({ hasText: title })
  await expect(row).toBeVisible()

  // Andy opens it and starts a reply he has not sent.
  const andyConsole: string[] = []
  andy.on('console', (m) => andyConsole.push(m.text()))
  await andy.goto(`/acme/tickets/${number}`)
  await live(andy)
  await andy.getByLabel('Reply', { exact: true }).fill('Half a thought')
  // His next refresh answers late (past the 8 s after which a lost refresh would reload the page).
  let held = false
  await andy.route(new RegExp(`/acme/tickets/${number}\\?_rsc=`), async (route) => {
    if (held) return route.continue()
    held = true
    const response = await route.fetch()
    await new Promise((r) => setTimeout(r, 9_500))
    await route.fulfill({ response }).catch(() => { /* the page moved on */ })
  })
  await new TicketPage(requester).reply('The scanner light is blinking orange.')
  await expect(andy.getByRole('listitem').filter({ hasText: 'The scanner light is blinking orange.' })).toBeVisible({ timeout: 30_000 })
  expect(held).toBe(true)
  expect(andyConsole.some((m) => m.includes('trying again, keeping input'))).toBe(true)
  expect(await notReloaded(andy)).toBe(true)
  await expect(andy.getByLabel('Reply', { exact: true })).toHaveValue('Half a thought')
  await andy.unroute(new RegExp(`/acme/tickets/${number}\\?_rsc=`))

  // A status change by someone else takes the ticket off Bea's list of new tickets.
  await andy.getByRole('button', { name: 'Assign to me' }).click()
  await expect(new TicketPage(andy).status()).toHaveText('Open')
  await expect(row).toHaveCount(0)
  expect(await notReloaded(bea)).toBe(true)
  await expect(andy.getByLabel('Reply', { exact: true })).toHaveValue('Half a thought')
})
