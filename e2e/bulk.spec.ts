import fs from 'node:fs'
import type { Page } from '@playwright/test'
import { expect, signIn, test, unique } from './fixtures'

// Bulk work on the staff list (§11): tick rows, apply one action, read what happened; and
// the CSV export of the same filtered view.

/** Three fresh tickets sharing a word no other ticket has, made through the API as the signed-in agent. */
async function threeTickets(page: Page, marker: string): Promise<number[]> {
  const numbers: number[] = []
  for (const n of [1, 2, 3]) {
    const res = await page.request.post('/api/v1/acme/tickets', {
      headers: { origin: new URL(page.url()).origin },
      data: { title: `${marker} printer ${n}`, description: `Tray ${n} jams (${marker})` },
    })
    expect(res.status()).toBe(201)
    numbers.push((await res.json()).number)
  }
  return numbers
}

test('an agent selects three tickets, raises their priority in one go and sees the results', async ({ page }) => {
  await signIn(page, 'agent@acme.test')
  const marker = unique('bulkjam').replace(/\s/g, '')
  const numbers = await threeTickets(page, marker)
  await page.goto(`/acme/tickets?q=${marker}`)
  await expect(page.getByRole('row')).toHaveCount(4)
  for (const n of numbers) await page.getByRole('checkbox', { name: `Select ticket #${n}`, exact: true }).check()
  const bar = page.getByRole('region', { name: 'Bulk actions' })
  await expect(bar.getByText('3 tickets selected')).toBeVisible()
  await expect(page.getByRole('checkbox', { name: 'Select all on this page' })).toBeChecked()
  await bar.getByLabel('Action').selectOption({ label: 'Change priority' })
  await bar.getByLabel('New priority').selectOption({ label: 'Urgent' })
  await bar.getByRole('button', { name: 'Apply to 3 tickets' }).click()
  const results = page.getByRole('region', { name: 'Bulk action results' })
  await expect(results).toContainText('Set priority to Urgent: 3 applied.')
  await expect(bar).toHaveCount(0) // the selection is cleared
  for (const n of numbers) {
    await expect(page.getByRole('row').filter({ hasText: `#${n}` }).getByText('Urgent')).toBeVisible()
  }
  await page.screenshot({ path: 'test-results/bulk-results.png' })

  // Closing is destructive, so it is confirmed first; the workflow refuses it for new tickets, each listed with the reason and a link.
  await page.getByRole('checkbox', { name: 'Select all on this page' }).check()
  await bar.getByLabel('Action').selectOption({ label: 'Close' })
  await bar.getByRole('button', { name: 'Apply to 3 tickets' }).click()
  const confirm = page.getByRole('dialog', { name: 'Close: 3 tickets?' })
  await confirm.getByRole('button', { name: 'Close 3 tickets' }).click()
  await expect(results).toContainText('Close: 0 applied, 3 refused.')
  const refused = results.getByRole('list', { name: 'Refused tickets' })
  await expect(refused.getByRole('listitem')).toHaveCount(3)
  await expect(refused.getByRole('link', { name: new RegExp(`#${numbers[0]} `) })).toBeVisible()
  await expect(refused.getByRole('listitem').first()).toContainText('You cannot move a ticket from New to Closed. Allowed from New:')
  await page.screenshot({ path: 'test-results/bulk-refused.png' })

  // The bar's streaming endpoint takes JSON from this site only: a cross-site post or a form post is refused before anything runs.
  const payload = JSON.stringify({ selection: { by: 'ids', ids: [] }, action: { type: 'close' } })
  const crossSite = await page.request.post('/api/acme/bulk', { headers: { origin: 'https://evil.example', 'content-type': 'application/json' }, data: payload })
  expect(crossSite.status()).toBe(403)
  const formPost = await page.request.post('/api/acme/bulk', { headers: { origin: new URL(page.url()).origin }, form: { payload } })
  expect(formPost.status()).toBe(403)
  const refusedInBand = await page.request.post('/api/acme/bulk', { headers: { origin: new URL(page.url()).origin, 'content-type': 'application/json' }, data: payload })
  expect(refusedInBand.status()).toBe(200)
  expect(JSON.parse((await refusedInBand.text()).trim())).toMatchObject({ error: { ok: false, message: 'Select at least one ticket' } })
})

test('an agent exports the filtered list as CSV with the columns they chose', async ({ page }) => {
  await signIn(page, 'agent@acme.test')
  const marker = unique('csvjam').replace(/\s/g, '')
  const numbers = await threeTickets(page, marker)
  await page.goto(`/acme/tickets?q=${marker}`)
  await page.getByRole('button', { name: 'Export CSV' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export tickets as CSV' })
  await expect(dialog).toContainText('The 3 tickets matching the current filters')
  await dialog.getByLabel('Requester email').check()
  await dialog.getByLabel('Tags').uncheck()
  await page.screenshot({ path: 'test-results/bulk-export-dialog.png' })
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('link', { name: 'Download CSV' }).click()])
  expect(download.suggestedFilename()).toMatch(/^tickets-acme-\d{4}-\d\d-\d\d\.csv$/)
  const bytes = fs.readFileSync((await download.path())!)
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const lines = bytes.subarray(3).toString('utf8').split('\r\n')
  expect(lines.pop()).toBe('') // every record ends with CRLF
  expect(lines[0]).toBe('Number,Title,Status,Priority,Category,Requester,Requester email,Assignee,Team,Created,Updated')
  // A search's export comes newest first (relevance ranks only a page at a time).
  expect(lines.slice(1).map((l) => Number(l.split(',')[0]))).toEqual([...numbers].reverse())
  expect(lines[1]).toContain(`${marker} printer 3,New,`)
  expect(lines[1]).toContain('agent@acme.test')
  // Times are in the browser's zone (Europe/London in these runs), with the offset.
  expect(lines[1]).toMatch(/,\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0[01]:00,/)
})
