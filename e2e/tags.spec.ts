import { expect, signIn, test, TicketPage, unique } from './fixtures'
import { inbox } from './mail-inbox'

// Issue 14: tags (with the org's tags suggested as you type), watchers and CC, as people use them.

const tag = () => `dock-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`

test('an agent tags a ticket with the autocomplete, sees the tag on the list, clicks it to filter, and follows the ticket', async ({ page, baseURL }) => {
  await signIn(page, 'agent@acme.test')
  const title = unique('Docking station drops the screen')
  // A ticket of this test's own (logged for a requester, as from a phone call), through the API with the session.
  const created = await page.request.post('/api/v1/acme/tickets', {
    data: { title, description: 'The dock loses the external screen every hour.', requesterEmail: 'requester@acme.test' }, headers: { origin: baseURL! },
  })
  expect(created.status()).toBe(201)
  const { number } = await created.json() as { number: number }
  await page.goto(`/acme/tickets/${number}`)

  const input = page.getByRole('combobox', { name: 'Add a tag' })
  const chips = page.getByRole('list', { name: 'Tags on this ticket' })
  // The org's tags are suggested as you type (the demo data tags network tickets); arrows and Enter pick one.
  await input.fill('netw')
  const suggestion = page.getByRole('listbox', { name: 'Tag suggestions' }).getByRole('option', { name: /^network/ })
  await expect(suggestion).toBeVisible()
  // The list is replaced as results arrive (each keystroke asks again), which resets the
  // active option: press until the network suggestion is the active one.
  await expect(async () => {
    await input.press('ArrowDown')
    await expect(suggestion).toHaveAttribute('aria-selected', 'true', { timeout: 1_000 })
  }).toPass({ timeout: 15_000 })
  await input.press('Enter')
  await expect(chips.getByRole('link', { name: 'network', exact: true })).toBeVisible()
  await expect(input).toHaveValue('')

  // A new tag typed in full, in capitals: Enter adds it, lower-cased.
  const mine = tag()
  await input.fill(mine.toUpperCase())
  await input.press('Enter')
  await expect(chips.getByRole('link', { name: mine, exact: true })).toBeVisible()
  // A malformed one is refused beside the field; Escape clears the input.
  await input.fill('two words')
  await input.press('Enter')
  await expect(page.getByRole('alert').filter({ hasText: 'A tag may use only letters' })).toBeVisible()
  await expect(input).toHaveAttribute('aria-invalid', 'true')
  await input.press('Escape')
  await expect(input).toHaveValue('')
  // Each chip has its remove button; removing one leaves the other.
  await page.getByRole('button', { name: 'Remove tag network' }).click()
  await expect(chips.getByRole('link', { name: 'network', exact: true })).toHaveCount(0)
  await expect(chips.getByRole('link', { name: mine, exact: true })).toBeVisible()

  // Follow: the toggle says so, with the count.
  await page.getByRole('button', { name: 'Follow', exact: true }).click()
  const following = page.getByRole('button', { name: 'Following', exact: true })
  await expect(following).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByTestId('watcher-count')).toHaveText('1 watcher')
  await page.screenshot({ path: 'test-results/tags-detail.png', fullPage: true })

  // The list shows the tag under the title; the chip opens the list filtered by it.
  await page.goto(`/acme/tickets?q=${encodeURIComponent(`"${title}"`)}`)
  const row = page.getByRole('row').filter({ hasText: title })
  await row.getByRole('link', { name: mine, exact: true }).click()
  await expect(page).toHaveURL(new RegExp(`[?&]q=tag%3A${mine}(&|$)`))
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue(`tag:${mine}`)
  await expect(page.getByRole('row').filter({ hasText: title })).toBeVisible()
  await expect(page.getByRole('row')).toHaveCount(2) // the header and this ticket
  await page.screenshot({ path: 'test-results/tags-list.png' })

  // Unfollow from the ticket again.
  await page.getByRole('link', { name: title }).click()
  await page.getByRole('button', { name: 'Following', exact: true }).click()
  await expect(page.getByRole('button', { name: 'Follow', exact: true })).toHaveAttribute('aria-pressed', 'false')
  await expect(page.getByTestId('watcher-count')).toHaveText('No watchers')
})

test('a sensitive ticket’s tag is suggested to the cleared Liaison agent, never to an agent outside it', async ({ browser }) => {
  const uncleared = await browser.newPage()
  await signIn(uncleared, 'agent@metro.test')
  const theirs = await (await uncleared.request.get('/api/metro/tags?q=')).json() as { tags: { tag: string }[] }
  expect(theirs.tags.map((t) => t.tag)).toContain('roads')
  expect(theirs.tags.map((t) => t.tag)).not.toContain('gbv-case')
  expect((await (await uncleared.request.get('/api/metro/tags?q=gbv')).json()).tags).toEqual([])
  const liaison = await browser.newPage()
  await signIn(liaison, 'agent2@metro.test')
  expect((await (await liaison.request.get('/api/metro/tags?q=gbv')).json()).tags.map((t: { tag: string }) => t.tag)).toEqual(['gbv-case'])
  // Requesters get no suggestions at all.
  const requester = await browser.newPage()
  await signIn(requester, 'requester@metro.test')
  expect((await requester.request.get('/api/metro/tags?q=')).status()).toBe(403)
})

test('a requester copies someone on their request; the copy gets the agent’s public reply by email, not the internal note', async ({ browser }) => {
  const requester = await browser.newPage()
  await signIn(requester, 'requester@acme.test')
  await requester.getByRole('link', { name: 'New request' }).first().click()
  const title = unique('Projector in room 1 is blank')
  await requester.getByLabel('Title').fill(title)
  await requester.getByLabel('Description').fill('No signal from any laptop.')
  await requester.getByRole('button', { name: 'Submit ticket' }).click()
  await expect(requester.getByText(/your request #\d+ has been received/)).toBeVisible()
  const number = Number(/portal\/(\d+)/.exec(requester.url())![1])
  const cc = `${tag()}@partner.test`
  await requester.getByLabel('Copy an email address on replies').fill('not-an-email')
  await requester.getByRole('button', { name: 'Add', exact: true }).click()
  await expect(requester.getByText('Enter a valid email address')).toBeVisible()
  await requester.getByLabel('Copy an email address on replies').fill(cc)
  await requester.getByRole('button', { name: 'Add', exact: true }).click()
  await expect(requester.getByRole('list', { name: 'Copied addresses' }).getByText(cc)).toBeVisible()
  await expect(requester.getByRole('button', { name: `Remove CC ${cc}` })).toBeVisible()

  const agent = await browser.newPage()
  await signIn(agent, 'agent@acme.test')
  await agent.goto(`/acme/tickets/${number}`)
  await expect(agent.getByRole('list', { name: 'Copied addresses' }).getByText(cc)).toBeVisible()
  const work = new TicketPage(agent)
  const answer = unique('Please try the HDMI cable on the left')
  await work.reply(answer)
  const note = unique('Internal: projector lamp on back order')
  await work.reply(note, { internal: true })

  await expect.poll(() => inbox().filter((m) => m.to.includes(cc)).map((m) => m.text).join('\n'), { timeout: 20_000 }).toContain(answer)
  const copies = inbox().filter((m) => m.to.includes(cc))
  expect(copies).toHaveLength(1)
  expect(copies[0].text).not.toContain(note)
  expect(copies[0].text).toContain('copied on this request')
})
