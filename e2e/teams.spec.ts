import { randomUUID } from 'node:crypto'
import { as, expect, test, unique } from './fixtures'

test('a sensitive report reaches only the cleared liaison, who accepts and answers it', async ({ browser }) => {
  test.slow() // three people, each signing in
  // A resident files a report in the sensitive category.
  const resident = await as(browser, 'requester@metro.test')
  const title = unique('Need a safe place tonight')
  await resident.goto('/metro/portal/new')
  await resident.getByLabel('Title').fill(title)
  await resident.getByLabel('Description').fill('Please contact me by email only.')
  await resident.getByLabel('Category').selectOption({ label: 'Gender-based violence' })
  await resident.getByRole('button', { name: 'Submit ticket' }).click()
  await expect(resident).toHaveURL(/\/metro\/portal\/\d+/)
  const number = /portal\/(\d+)/.exec(resident.url())![1]

  // An agent without clearance cannot find it: not in the list, not in any queue, not by number, not by URL.
  const agent = await as(browser, 'agent@metro.test')
  await agent.goto('/metro/tickets')
  const queues = agent.getByRole('navigation', { name: 'Queues' })
  // The restricted team itself is not listed to them: a "Liaison 0" chip would say it exists.
  await expect(queues.getByRole('link', { name: /^All, including closed/ })).toBeVisible()
  await expect(queues.getByRole('link', { name: /^Liaison\b/ })).toHaveCount(0)
  await expect(agent.getByRole('main')).not.toContainText(title)
  for (const path of ['/metro/tickets?queue=unassigned', '/metro/tickets?queue=mine', `/metro/tickets?q=%23${number}`]) {
    await agent.goto(path)
    await expect(agent.getByRole('heading', { level: 1 })).toBeVisible()
    await expect(agent.getByRole('main')).not.toContainText(title)
  }
  await agent.goto(`/metro/tickets/${number}`)
  await expect(agent.getByRole('heading', { name: /not found/i })).toBeVisible()

  // The liaison finds it in the Liaison queue: routed there and handed to her, waiting for her answer.
  const liaison = await as(browser, 'agent2@metro.test')
  await liaison.goto('/metro/tickets')
  await liaison.getByRole('navigation', { name: 'Queues' }).getByRole('link', { name: /^Liaison\b/ }).click()
  await expect(liaison).toHaveURL(/queue=team%3A|queue=team:/)
  await liaison.getByRole('link', { name: title }).click()
  await expect(liaison.getByRole('heading', { name: title })).toBeVisible()
  const summary = liaison.getByTestId('assignment-summary')
  await expect(summary).toContainText('In Liaison (restricted)')
  await expect(summary).toContainText('not accepted yet')
  await liaison.getByRole('button', { name: 'Accept', exact: true }).click()
  await expect(summary).toContainText('accepted')
  await expect(summary).not.toContainText('not accepted')
  await liaison.getByLabel('Reply', { exact: true }).fill('I am the liaison officer for your case; I will email you within the hour.')
  await liaison.getByRole('button', { name: 'Send reply' }).click()
  await expect(liaison.getByRole('listitem').filter({ hasText: 'liaison officer for your case' })).toBeVisible()
  // The timeline tells how it got here.
  await expect(liaison.getByRole('list', { name: 'Timeline' })).toContainText('routed the ticket to Liaison and assigned it to Lena Liaison')
  await expect(liaison.getByRole('list', { name: 'Timeline' })).toContainText('accepted the assignment')

  // The resident sees the answer; the agent still cannot open the ticket.
  await resident.reload()
  await expect(resident.getByText('liaison officer for your case')).toBeVisible()
  await agent.goto(`/metro/tickets/${number}`)
  await expect(agent.getByRole('heading', { name: /not found/i })).toBeVisible()
})

test('an admin builds a team and a routing rule, and the preview names the rule a ticket would match', async ({ browser }) => {
  const admin = await as(browser, 'admin@acme.test')
  const teamName = unique('Printer squad')
  await admin.goto('/acme/settings/teams')
  await admin.getByLabel('Team name').fill(teamName)
  await admin.getByLabel('Hand out new tickets').selectOption({ label: 'Fewest open tickets' })
  // Its technicians accept or reject their jobs (issue 18: a team setting, not every team).
  await admin.getByLabel('Field team').check()
  await admin.getByRole('button', { name: 'Create team' }).click()
  await expect(admin.getByText(`Team “${teamName}” created.`)).toBeVisible()
  const card = admin.getByRole('region', { name: teamName })
  await expect(card.getByText('Field team', { exact: true })).toBeVisible()
  // The picker searches the org's agents as you type (GET /api/acme/team-candidates).
  const picker = card.getByRole('combobox', { name: `Add member to ${teamName}` })
  await picker.fill('andy')
  await expect(admin.getByRole('option', { name: /Andy Agent/ })).toBeVisible()
  await picker.press('ArrowDown')
  await picker.press('Enter')
  await expect(picker).toHaveValue('Andy Agent')
  await card.getByRole('button', { name: 'Add', exact: true }).click()
  await expect(card.getByRole('list', { name: `Members of ${teamName}` })).toContainText('Andy Agent')
  // Someone already in the team is no longer offered.
  await picker.fill('andy')
  await expect(admin.getByText('No agent or admin matches who is not in this team already')).toBeVisible()
  await picker.press('Escape')

  const keyword = unique('zebraprint').replace(/\W+/g, '')
  const ruleName = unique('Zebra printers')
  await admin.goto('/acme/settings/routing')
  await admin.getByLabel('Rule name').fill(ruleName)
  await admin.getByLabel('Send to team').selectOption({ label: teamName })
  // A bad domain is refused next to its field.
  await admin.getByLabel("And the requester's email domain is").fill('not a domain')
  await admin.getByRole('button', { name: 'Add rule' }).click()
  await expect(admin.getByText(/is not a domain/)).toBeVisible()
  await admin.getByLabel("And the requester's email domain is").fill('acme.test')
  await admin.getByLabel('And the title or description mentions').fill(keyword)
  await admin.getByRole('button', { name: 'Add rule' }).click()
  await expect(admin.getByText(`Rule “${ruleName}” added at the end of the list.`)).toBeVisible()

  // New rules go last, after the catch-all: move it to the top.
  const rules = admin.getByRole('region', { name: /Rules, in the order/ })
  await expect(rules.getByRole('row').filter({ hasText: ruleName })).toBeVisible()
  // Each move re-renders the page; a read that meets the swap is read again.
  const position = async (): Promise<number> => {
    for (let tries = 0; ; tries++) {
      try {
        return (await rules.getByRole('row').allTextContents()).findIndex((t) => t.includes(ruleName))
      } catch (err) {
        if (tries > 5 || !/Execution context was destroyed/.test(String(err))) throw err
      }
    }
  }
  for (let at = await position(); at > 1; at--) {
    await rules.getByRole('button', { name: `Move ${ruleName} up` }).click()
    await expect.poll(position).toBe(at - 1)
  }
  await expect(rules.getByRole('row').nth(1)).toContainText(ruleName)

  // The preview: with the keyword, this rule; without it, nothing; an access request, the desk's rule.
  const outcome = admin.getByTestId('route-preview-outcome')
  await admin.getByLabel('Title', { exact: true }).fill(`My ${keyword} is jammed`)
  await expect(outcome).toContainText(`Rule 1 “${ruleName}” matches`)
  await expect(outcome).toContainText(teamName)
  await admin.getByLabel('Title', { exact: true }).fill('Outlook is slow')
  await expect(outcome).toContainText('No rule matches')
  await admin.getByLabel('Category', { exact: true }).selectOption({ label: 'Access request' })
  await expect(outcome).toContainText('“Access and accounts” matches')
  await expect(outcome).toContainText('Service Desk')
  await admin.getByLabel('Requester email').fill('someone@elsewhere.org')
  await admin.getByLabel('Title', { exact: true }).fill(`My ${keyword} is jammed`)
  await expect(outcome).not.toContainText(ruleName)
})

test('only an admin can ask who may join a team; an agent or requester is refused', async ({ browser }) => {
  const admin = await as(browser, 'admin@acme.test')
  await admin.goto('/acme/settings/teams')
  const teamId = (await admin.locator('input[type=hidden][name=teamId]').first().getAttribute('value'))!
  const ok = await admin.request.get(`/api/acme/team-candidates?team=${teamId}&q=`)
  expect(ok.status()).toBe(200)
  const { people } = (await ok.json()) as { people: { name: string }[] }
  expect(people.length).toBeGreaterThan(0)
  expect(people.length).toBeLessThanOrEqual(20)
  for (const who of ['agent@acme.test', 'requester@acme.test']) {
    const page = await as(browser, who)
    const res = await page.request.get(`/api/acme/team-candidates?team=${teamId}&q=`)
    expect(res.status()).toBe(403)
    expect(await res.text()).not.toContain('@acme.test')
  }
  // Another organisation's admin learns nothing about the team.
  const other = await as(browser, 'admin@metro.test')
  expect((await other.request.get(`/api/metro/team-candidates?team=${teamId}&q=`)).status()).toBe(404)
})

test('an admin goes from a team card to the team\'s own member page and searches it; an unknown team is a 404', async ({ browser }) => {
  const admin = await as(browser, 'admin@acme.test')
  await admin.goto('/acme/settings/teams')
  // The card shows the first members; its heading leads to everyone, paged and searchable.
  await admin.getByRole('region', { name: 'Service Desk', exact: true }).getByRole('link', { name: 'Service Desk', exact: true }).click()
  await expect(admin).toHaveURL(/\/acme\/settings\/teams\/[0-9a-f-]{36}$/)
  const teamPath = new URL(admin.url()).pathname
  await expect(admin.getByRole('heading', { level: 1, name: 'Service Desk' })).toBeVisible()
  const members = admin.getByRole('list', { name: 'Members of Service Desk' })
  await expect(members).toContainText('Andy Agent')
  await expect(members).toContainText('Bea Agent')
  await expect(admin.getByRole('button', { name: 'Remove Bea Agent from Service Desk' })).toBeVisible()
  await expect(admin.getByRole('combobox', { name: 'Add member to Service Desk' })).toBeVisible()

  const search = admin.getByRole('search', { name: 'Search members of Service Desk' })
  await search.getByRole('searchbox', { name: 'Search' }).fill('BEA')
  await search.getByRole('button', { name: 'Search' }).click()
  await expect(admin).toHaveURL(/\?q=BEA$/)
  await expect(members).toContainText('Bea Agent')
  await expect(members).not.toContainText('Andy Agent')
  await search.getByRole('searchbox', { name: 'Search' }).fill('nobody-by-this-name')
  await search.getByRole('button', { name: 'Search' }).click()
  await expect(admin.getByText('Nobody in this team matches “nobody-by-this-name”.')).toBeVisible()
  await expect(members).toHaveCount(0)
  await admin.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Teams' }).click()
  await expect(admin).toHaveURL(/\/acme\/settings\/teams$/)

  // A team that does not exist, or that belongs to another organisation, answers a real 404.
  expect((await admin.goto(`/acme/settings/teams/${randomUUID()}`))?.status()).toBe(404)
  expect((await admin.goto('/acme/settings/teams/not-a-team'))?.status()).toBe(404)
  const other = await as(browser, 'admin@metro.test')
  expect((await other.goto(teamPath.replace(/^\/acme\//, '/metro/')))?.status()).toBe(404)
})
