import { as, expect, test, TicketPage, unique } from './fixtures'
import { inbox } from './mail-inbox'

test('a resolved request asks the requester how it went: the portal offers it, the emailed link answers once, the agent sees the answer', async ({ browser }) => {
  test.slow()
  const requester = await as(browser, 'requester@metro.test')
  const title = unique('Bench broken in Riverside Park')
  await requester.goto('/metro/portal/new')
  await requester.getByLabel('Title').fill(title)
  await requester.getByLabel('Description').fill('The bench by the pond has a broken slat.')
  await requester.getByRole('button', { name: 'Submit ticket' }).click()
  await expect(requester).toHaveURL(/\/metro\/portal\/\d+/)
  const number = Number(/portal\/(\d+)/.exec(requester.url())![1])

  const agent = await as(browser, 'agent@metro.test')
  await agent.goto(`/metro/tickets/${number}`)
  const work = new TicketPage(agent)
  await agent.getByRole('button', { name: 'Assign to me' }).click()
  await expect(work.status()).toHaveText('Open')
  await work.move('Start work')
  await expect(work.status()).toHaveText('In progress')
  await work.move('Resolve', 'Replaced the slat.')
  await expect(work.status()).toHaveText('Resolved')

  // The portal asks too, until it is answered.
  await requester.reload()
  await expect(requester.getByRole('form', { name: 'Satisfaction survey' })).toBeVisible()

  // The email: one link per answer.
  let mail: { text: string; subject: string } | undefined
  await expect.poll(() => {
    mail = inbox().find((m) => m.to.includes('requester@metro.test') && m.text.includes(`How did we do on request #${number}?`))
    return !!mail
  }, { timeout: 60_000 }).toBe(true)
  const link = /(https?:\/\/\S+\/csat\/\S+\?rating=bad)/.exec(mail!.text)![1]

  // Opened without signing in (another device); opening does not answer — pressing does.
  const context = await browser.newContext()
  const anon = await context.newPage()
  await anon.goto(link)
  await expect(anon.getByRole('heading', { name: `How did we do on request #${number}?` })).toBeVisible()
  await expect(anon.getByLabel('👎 Bad')).toBeChecked()
  await anon.getByLabel('Comment (optional)').fill('Took two weeks.')
  await anon.screenshot({ path: 'test-results/csat-survey.png', fullPage: true })
  await anon.getByRole('button', { name: 'Send answer' }).click()
  // The form thanks, or the refreshed page does (it now knows the answer).
  await expect(anon.getByText(/Thank you/)).toBeVisible()
  await anon.goto(link.replace('rating=bad', 'rating=good'))
  await expect(anon.getByText(/You already answered this survey/)).toBeVisible()
  // A tampered link is refused.
  await anon.goto(link.replace(/\.([\w-]{4})/, '.AAAA'))
  await expect(anon.getByRole('heading', { name: 'This survey link is not valid' })).toBeVisible()

  await requester.reload()
  await expect(requester.getByRole('form', { name: 'Satisfaction survey' })).toHaveCount(0)
  await agent.reload()
  const card = agent.getByRole('list', { name: 'Satisfaction answers' })
  await expect(card).toContainText('Bad')
  await expect(card).toContainText('Took two weeks.')
})
