import fs from 'node:fs'
import { as, expect, reload, test } from './fixtures'

// §12: the admin dashboard and reports on the seeded demo org.

test('an admin sees the demo desk\'s figures as charts, each with a table view, matching the ticket list', async ({ browser }) => {
  const admin = await as(browser, 'admin@acme.test')
  await admin.goto('/acme/tickets')
  await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click()
  await expect(admin.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible()
  await expect(admin.getByText(/the whole organisation, .* \(30 days, Europe\/London\)/)).toBeVisible()

  // The per-day series counts the demo's tickets (seeded over the last ten days; the rollup
  // job catches up within seconds of start, so look again until it has).
  await expect.poll(async () => {
    await reload(admin)
    const created = admin.getByRole('region', { name: 'Headline figures' }).locator('dt', { hasText: 'Created' }).locator('xpath=following-sibling::dd[1]')
    return Number((await created.innerText()).replace(/,/g, ''))
  }, { timeout: 90_000 }).toBeGreaterThan(0) // a fresh, busy server's first rollup pass can take a while

  const figures = admin.getByRole('region', { name: 'Headline figures' })
  const openNow = Number((await figures.locator('dt', { hasText: 'Open now' }).locator('xpath=following-sibling::dd[1]').innerText()).replace(/,/g, ''))
  expect(openNow).toBeGreaterThan(0)
  // CSAT: the share of good survey answers (another spec may have answered one by now).
  await expect(figures.locator('div', { has: admin.locator('dt', { hasText: 'CSAT' }) }).last()).toContainText(/No survey answers in the range|\d+ of \d+ answers good/)

  // Every chart is a named figure with a drawn chart and the same numbers in a table.
  for (const name of ['Created vs resolved per day', 'Open tickets by status', 'Open tickets by priority', 'Open tickets by team', 'Backlog age', 'Agent workload']) {
    const fig = admin.getByRole('figure', { name })
    // Drawn in the browser once the chart's script has loaded (slow on a busy machine).
    await expect(fig.locator('svg.recharts-surface').first()).toBeVisible({ timeout: 30_000 })
    await fig.getByText('Table view').click()
    await expect(fig.getByRole('table', { name })).toBeVisible()
  }
  await admin.screenshot({ path: 'test-results/screens/dashboard.png', fullPage: true })
  // The status table adds up to "Open now"…
  const statusTable = admin.getByRole('figure', { name: 'Open tickets by status' }).getByRole('table')
  const cells = await statusTable.locator('tbody td').allInnerTexts()
  expect(cells.reduce((a, c) => a + Number(c.replace(/,/g, '')), 0)).toBe(openNow)
  // … and the workspace list, filtered to the open statuses, counts the same tickets. Other
  // specs raise tickets meanwhile, so both are read again until a pair agrees.
  const listCount = async () => {
    await admin.goto('/acme/tickets?status=new,open,in_progress,pending,on_hold')
    return Number(/^([\d,]+) tickets? match/.exec(await admin.getByText(/tickets? match(es)? these filters/).innerText())![1]!.replace(/,/g, ''))
  }
  const dashboardCount = async () => {
    await admin.goto('/acme/dashboard')
    return Number((await admin.getByRole('region', { name: 'Headline figures' }).locator('dt', { hasText: 'Open now' }).locator('xpath=following-sibling::dd[1]').innerText()).replace(/,/g, ''))
  }
  await expect.poll(async () => { const d = await dashboardCount(); return (await listCount()) === d }, { timeout: 60_000 }).toBe(true)

  // The team filter narrows the figures and stays in the URL.
  await admin.goto('/acme/dashboard')
  const team = admin.getByLabel('Team', { exact: true })
  const teamName = (await team.locator('option').nth(1).innerText()).trim()
  await team.selectOption({ label: teamName })
  await admin.getByRole('button', { name: 'Apply' }).click()
  await expect(admin).toHaveURL(/team=/)
  await expect(admin.getByText(`team ${teamName}`)).toBeVisible()
})

test('an admin downloads the report by team as CSV; an agent sees only their own and their teams\' numbers', async ({ browser }) => {
  const admin = await as(browser, 'admin@acme.test')
  await admin.goto('/acme/dashboard')
  await admin.getByRole('link', { name: 'Reports by agent and team' }).click()
  await expect(admin.getByRole('heading', { name: 'Reports', level: 1 })).toBeVisible()
  await admin.getByRole('link', { name: 'By team' }).click()
  await expect(admin.getByRole('columnheader', { name: 'Team' })).toBeVisible()
  const rows = await admin.getByRole('table').locator('tbody tr').count()
  await admin.screenshot({ path: 'test-results/screens/reports-by-team.png', fullPage: true })
  expect(rows).toBeGreaterThan(0)
  const [download] = await Promise.all([admin.waitForEvent('download'), admin.getByRole('link', { name: 'Download CSV' }).click()])
  expect(download.suggestedFilename()).toMatch(/^acme-report-by-team-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/)
  const csv = fs.readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n')
  expect(csv[0]).toBe('Team,Open now,Created,Resolved,Median first response (h),Median resolution (h),Response met,Response breached,Resolution met,Resolution breached,SLA compliance %')
  expect(csv).toHaveLength(rows + 1)

  const agent = await as(browser, 'agent@acme.test')
  await agent.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click()
  await expect(agent.getByText(/your tickets and your teams'/)).toBeVisible()
  await agent.goto('/acme/reports')
  await expect(agent.getByText(/your tickets and your teams'/)).toBeVisible()
})

test('a requester has no dashboard, no reports and no export', async ({ browser }) => {
  const requester = await as(browser, 'requester@acme.test')
  await expect(requester.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' })).toHaveCount(0)
  await requester.goto('/acme/dashboard')
  await expect(requester).toHaveURL(/\/acme\/portal/)
  await requester.goto('/acme/reports')
  await expect(requester).toHaveURL(/\/acme\/portal/)
  const res = await requester.request.get('/acme/reports/export?by=agent')
  expect(res.status()).toBe(404)
  // Another organisation's admin is sent to "no access", and never gets the file.
  const other = await as(browser, 'admin@metro.test')
  const res2 = await other.request.get('/acme/reports/export?by=team', { maxRedirects: 0 })
  expect(res2.status()).toBe(307)
  expect(res2.headers().location).toContain('/no-access')
})
