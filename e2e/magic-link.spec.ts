import type { AddressInfo } from 'node:net'
import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'
import { expect, test } from './fixtures'

// The app under test sends over SMTP to this server (see playwright.config.ts), so the
// link travels the real mail path: outbox → worker → SMTP → inbox.
const inbox: { to: string[]; mail: ParsedMail }[] = []
let smtp: SMTPServer

test.beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false,
    onData(stream, session, done) {
      simpleParser(stream).then((mail) => { inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), mail }); done() }, done)
    },
  })
  await new Promise<void>((resolve) => smtp.listen(Number(process.env.E2E_SMTP_PORT), '127.0.0.1', () => resolve()))
  expect((smtp.server.address() as AddressInfo).port).toBe(Number(process.env.E2E_SMTP_PORT))
})
test.afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())))

test('a resident signs in with a one-time link sent by email', async ({ page, browser }) => {
  await page.goto('/sign-in')
  await page.getByLabel('Email me a sign-in link instead').fill('requester2@metro.test')
  await page.getByRole('button', { name: 'Send link' }).click()
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible()

  let link = ''
  await expect.poll(() => {
    const m = inbox.find((r) => r.to.includes('requester2@metro.test') && r.mail.subject === 'Your sign-in link')
    link = /https?:\/\/\S+callback\/nodemailer\S+/.exec(m?.mail.text ?? '')?.[0] ?? ''
    return link
  }, { timeout: 30_000 }).not.toBe('')

  await page.goto(link)
  await expect(page).toHaveURL(/\/metro\/portal$/)
  await expect(page.getByRole('banner')).toContainText('Tom Resident')

  // The link works once.
  const other = await (await browser.newContext()).newPage()
  await other.goto(link)
  await expect(other.getByText('expired or was already used')).toBeVisible()
})

test('asking for a link for an unknown address looks the same and sends nothing', async ({ page }) => {
  await page.goto('/sign-in')
  await page.getByLabel('Email me a sign-in link instead').fill('nobody-at-all@metro.test')
  await page.getByRole('button', { name: 'Send link' }).click()
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible()
  // A link asked for afterwards by a real account arrives; by then the unknown one would have too.
  await page.goto('/sign-in')
  await page.getByLabel('Email me a sign-in link instead').fill('requester@metro.test')
  await page.getByRole('button', { name: 'Send link' }).click()
  await expect.poll(() => inbox.some((r) => r.to.includes('requester@metro.test') && r.mail.subject === 'Your sign-in link'), { timeout: 30_000 }).toBe(true)
  expect(inbox.filter((r) => r.to.includes('nobody-at-all@metro.test'))).toHaveLength(0)
})
