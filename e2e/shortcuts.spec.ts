import { expect, signIn, test, withoutLiveStream } from './fixtures'

const firstFocusable = () => document.querySelector('a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])')?.textContent?.trim()

test('the skip link is the first stop on every layout and lands in the page content', async ({ page }) => {
  // The sign-in form focuses its email field on load, so the link is checked by document order here.
  await page.goto('/sign-in')
  expect(await page.evaluate(firstFocusable)).toBe('Skip to content')
  await signIn(page, 'agent@acme.test')
  for (const path of ['/acme/tickets', '/acme/notifications', '/acme/portal']) {
    await page.goto(path)
    expect(await page.evaluate(firstFocusable)).toBe('Skip to content')
    await page.keyboard.press('Tab')
    const skip = page.getByRole('link', { name: 'Skip to content' })
    await expect(skip).toBeFocused()
    // Hidden until focused, then on screen.
    expect((await skip.boundingBox())!.width).toBeGreaterThan(50)
    await page.keyboard.press('Enter')
    await expect(page.locator('main#main')).toBeFocused()
  }
})

test('workspace keyboard shortcuts: / search, j/k through the list, o and Enter open, r reply, ? help', async ({ page }) => {
  await withoutLiveStream(page)
  await signIn(page, 'agent@acme.test')
  await page.goto('/acme/tickets')
  const rows = page.getByRole('table', { name: 'Tickets' }).locator('tbody tr')
  await expect(rows.first()).toBeVisible()
  const body = page.locator('body')

  // `/` focuses the search box, and then typing is text, not shortcuts.
  await body.press('/')
  const search = page.getByRole('searchbox').first()
  await expect(search).toBeFocused()
  await page.keyboard.type('jk')
  await expect(search).toHaveValue('jk')
  await expect(page.locator('tr[data-kb-current]')).toHaveCount(0)
  await search.fill('')
  await search.blur()

  // j/k move a visible highlight (and focus the row's ticket link); k stops at the first row.
  await body.press('j')
  await expect(rows.nth(0)).toHaveAttribute('data-kb-current', '')
  await body.press('j')
  await expect(rows.nth(1)).toHaveAttribute('data-kb-current', '')
  await expect(rows.nth(0)).not.toHaveAttribute('data-kb-current', '')
  await expect(rows.nth(1).getByRole('link').first()).toBeFocused()
  const highlight = await rows.nth(1).evaluate((tr) => getComputedStyle(tr).backgroundColor)
  expect(highlight).not.toBe('rgba(0, 0, 0, 0)')
  await page.keyboard.press('k')
  await page.keyboard.press('k')
  await expect(rows.nth(0)).toHaveAttribute('data-kb-current', '')

  // With a modifier held, j is the browser's, not ours.
  await page.keyboard.press('Control+j').catch(() => {})
  await expect(rows.nth(0)).toHaveAttribute('data-kb-current', '')

  // o opens the highlighted ticket.
  const href = await rows.nth(0).getByRole('link').first().getAttribute('href')
  await page.keyboard.press('o')
  await expect(page).toHaveURL(new RegExp(`${href}$`))

  // r focuses the reply composer; typing r there is just a letter.
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await page.locator('body').press('r')
  const reply = page.getByLabel('Reply', { exact: true })
  await expect(reply).toBeFocused()
  await page.keyboard.type('r?')
  await expect(reply).toHaveValue('r?')
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await reply.fill('')

  // Back on the list, Enter opens the row j moved to (its link has focus).
  await page.goto('/acme/tickets')
  await page.locator('body').press('j')
  await page.keyboard.press('j')
  const second = await rows.nth(1).getByRole('link').first().getAttribute('href')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(new RegExp(`${second}$`))

  // ? opens a labelled modal dialog listing the shortcuts; focus stays inside; Escape closes it.
  await page.locator('body').press('?')
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(help).toBeVisible()
  await expect(help.getByText('Focus the search box')).toBeVisible()
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab')
    expect(await help.evaluate((d) => d.contains(document.activeElement))).toBe(true)
  }
  // Shortcuts are off while the dialog is open.
  await page.keyboard.press('r')
  await expect(page.getByLabel('Reply', { exact: true })).not.toBeFocused()
  await page.keyboard.press('Escape')
  await expect(help).toBeHidden()
  // The footer button opens it too, for people who do not know the key.
  await page.getByRole('button', { name: /Keyboard shortcuts/ }).click()
  await expect(help).toBeVisible()
  await help.getByRole('button', { name: 'Close' }).click()
  await expect(help).toBeHidden()
})

test('the theme button switches to dark and back; the choice is rendered by the server (no flash)', async ({ page }) => {
  await withoutLiveStream(page)
  await signIn(page, 'requester@acme.test')
  await page.goto('/acme/portal')
  const html = page.locator('html')
  await expect(html).not.toHaveAttribute('data-theme', /./)
  const bodyColour = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor)
  const light = await bodyColour()
  await page.getByRole('button', { name: 'Colour theme: System' }).click()
  await expect(html).toHaveAttribute('data-theme', 'dark')
  await expect(page.getByRole('button', { name: 'Colour theme: Dark' })).toBeVisible()
  expect(await bodyColour()).not.toBe(light)
  // The server's HTML already carries the choice, before any script runs.
  const served = await (await page.request.get('/acme/portal')).text()
  expect(served).toMatch(/<html[^>]*data-theme="dark"/)
  await page.getByRole('button', { name: 'Colour theme: Dark' }).click()
  await expect(html).toHaveAttribute('data-theme', 'light')
  await page.getByRole('button', { name: 'Colour theme: Light' }).click()
  await expect(html).not.toHaveAttribute('data-theme', /./)
  expect((await page.context().cookies()).find((c) => c.name === 'theme')).toBeUndefined()
})
