import fs from 'node:fs'
import sharp from 'sharp'
import type { Page } from '@playwright/test'
import { as, expect, test, TicketPage, unique } from './fixtures'

/** Drops files on the attachment zone the way a browser does: a DataTransfer carrying File objects. */
async function dropFiles(page: Page, files: { name: string; type: string; bytes: Buffer }[]) {
  const dataTransfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer()
    for (const f of list) dt.items.add(new File([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))], f.name, { type: f.type }))
    return dt
  }, files.map((f) => ({ name: f.name, type: f.type, b64: f.bytes.toString('base64') })))
  const zone = page.getByRole('group', { name: 'Attachments' })
  await zone.dispatchEvent('dragenter', { dataTransfer })
  await zone.dispatchEvent('drop', { dataTransfer })
}

test('a technician drops a photo on a reply; the requester sees the thumbnail and downloads it', async ({ browser }) => {
  const title = unique('Street light out on Elm Road')
  const photo = await sharp({ create: { width: 1280, height: 960, channels: 3, background: { r: 210, g: 130, b: 40 } } }).jpeg({ quality: 85 }).toBuffer()

  const requester = await as(browser, 'requester@acme.test')
  await requester.goto('/acme/portal/new')
  await requester.getByLabel('Title').fill(title)
  await requester.getByLabel('Description').fill('The light by number 42 has been dark for three nights.')
  await requester.getByRole('button', { name: 'Submit ticket' }).click()
  await expect(requester.getByText(/your request #\d+ has been received/)).toBeVisible()
  const number = Number(/portal\/(\d+)/.exec(requester.url())![1])

  const agent = await as(browser, 'agent@acme.test')
  await agent.goto(`/acme/tickets/${number}`)
  // A binary dressed up as a photo is refused by name, and does not block the real one.
  await dropFiles(agent, [{ name: 'pole-42.png', type: 'image/png', bytes: Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(5000)]) }])
  await expect(agent.getByLabel('Files to send').getByText(/“pole-42\.png” can’t be attached: it is a \.elf file.*Remove it to send the rest\./)).toBeVisible()
  // Sending it again would be refused again: no Retry, and no thumbnail from its name (issue 18).
  await expect(agent.getByRole('button', { name: /^Retry/ })).toHaveCount(0)
  await expect(agent.getByLabel('Files to send').locator('img')).toHaveCount(0)
  await agent.getByRole('button', { name: 'Remove pole-42.png' }).click()
  // An HTML page named .png is no image either: whatever the server makes of it, no picture is shown for it.
  await dropFiles(agent, [{ name: 'street.png', type: 'image/png', bytes: Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>') }])
  await expect(agent.getByLabel('Files to send').getByText(/street\.png/).first()).toBeVisible()
  await expect(agent.getByLabel('Files to send').getByText(/can’t be attached|ready to send/)).toBeVisible()
  await expect(agent.getByLabel('Files to send').locator('img')).toHaveCount(0)
  await agent.getByRole('button', { name: 'Remove street.png' }).click()
  await dropFiles(agent, [{ name: 'pole-42.jpg', type: 'image/jpeg', bytes: photo }])
  await expect(agent.getByLabel('Files to send').getByText('ready to send')).toBeVisible()
  await new TicketPage(agent).reply('Replaced the lamp; photo of the pole after the repair.')
  await expect(agent.getByRole('img', { name: 'pole-42.jpg' })).toBeVisible()
  await expect(agent.getByLabel('Timeline').getByText('attached “pole-42.jpg”')).toBeVisible()

  // The requester sees the thumbnail in the conversation, opens it and downloads the original.
  await requester.reload()
  const thumb = requester.getByRole('img', { name: 'pole-42.jpg' })
  await expect(thumb).toBeVisible()
  await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete ? img.naturalWidth : 0)).toBeGreaterThan(0)
  await requester.getByRole('button', { name: 'View pole-42.jpg' }).click()
  const lightbox = requester.getByRole('dialog', { name: 'pole-42.jpg' })
  await expect(lightbox).toBeVisible()
  const [download] = await Promise.all([requester.waitForEvent('download'), lightbox.getByRole('link', { name: 'Download' }).click()])
  expect(download.suggestedFilename()).toBe('pole-42.jpg')
  expect(fs.readFileSync((await download.path())!).equals(photo)).toBe(true)
  await requester.keyboard.press('Escape')
  await expect(lightbox).toBeHidden()

  // Another requester of the same organisation gets nothing, even with the exact link.
  const src = (await thumb.getAttribute('src'))!
  const other = await as(browser, 'requester2@acme.test')
  expect((await other.request.get(src.replace('?variant=thumb', ''), { maxRedirects: 0 })).status()).toBe(404)
})
