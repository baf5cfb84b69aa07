import { as, expect, test, unique } from './fixtures'

async function fileTicket(page: import('@playwright/test').Page, title: string, description: string) {
  await page.goto('/acme/portal/new')
  await page.getByLabel('Title').fill(title)
  await page.getByLabel('Description').fill(description)
  await page.getByRole('button', { name: 'Submit ticket' }).click()
  await expect(page).toHaveURL(/\/acme\/portal\/\d+/)
  return Number(/portal\/(\d+)/.exec(page.url())![1])
}

test('an agent merges a duplicate: its words move, it closes with a link, and the requester sees it in the ticket kept', async ({ browser }) => {
  test.slow()
  const requester = await as(browser, 'requester@acme.test')
  const keep = await fileTicket(requester, unique('Projector dead in room 5'), 'No image at all.')
  const dupTitle = unique('Room 5 projector')
  const dup = await fileTicket(requester, dupTitle, 'The projector in room 5 shows nothing, again.')

  const agent = await as(browser, 'agent@acme.test')
  await agent.goto(`/acme/tickets/${dup}`)
  const merge = agent.getByRole('form', { name: 'Merge into another ticket' })
  // Its own number is refused next to the field.
  await merge.getByLabel('Merge this ticket into #').fill(String(dup))
  await merge.getByRole('button', { name: 'Merge…' }).click()
  await expect(merge.getByText('Choose another ticket than this one')).toBeVisible()
  await merge.getByLabel('Merge this ticket into #').fill(String(keep))
  await merge.getByRole('button', { name: 'Merge…' }).click()
  const dialog = agent.getByRole('dialog', { name: `Merge #${dup} into #${keep}?` })
  await expect(dialog).toBeVisible()
  await dialog.getByRole('button', { name: 'Merge tickets' }).click()
  await expect(agent).toHaveURL(new RegExp(`/acme/tickets/${keep}$`))
  await expect(agent.getByText(`Merged from #${dup}`)).toBeVisible()
  await agent.screenshot({ path: 'test-results/merge-target.png', fullPage: true })

  await agent.goto(`/acme/tickets/${dup}`)
  await expect(agent.getByRole('status').filter({ hasText: 'This ticket was merged into' })).toBeVisible()
  await expect(agent.getByRole('main').locator('header').getByText('Closed')).toBeVisible()
  await agent.getByRole('link', { name: `#${keep}` }).first().click()
  await expect(agent).toHaveURL(new RegExp(`/acme/tickets/${keep}$`))

  await requester.goto(`/acme/portal/${keep}`)
  await expect(requester.getByText('The projector in room 5 shows nothing, again.')).toBeVisible()
})
