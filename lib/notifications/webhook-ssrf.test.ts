import http from 'node:http'
import net, { type AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { ZodError } from 'zod'
import { webhookEndpoints } from '@/db/schema'
import { makeOrg, type TestOrg } from '@/test/factory'
import { ValidationError } from '@/lib/errors'
import { drainJobs } from '@/lib/jobs/runner'
import { registerAllHandlers } from '@/lib/jobs/handlers'
import { createTicket } from '@/lib/tickets/create-ticket'
import type { Resolver } from '@/lib/net/public-address'
import { addWebhook, listDeliveries, listWebhooks } from './admin'
import { deliveryMessages, postToWebhook } from './webhook-post'
import { NOT_PUBLIC_MESSAGE, webhookTargetProblem } from './webhook-target'

// Real sockets throughout: local listeners stand in for the internal services an admin
// could otherwise reach, and count what arrives.

let savedAllow: string | undefined
let savedAttempts: string | undefined
beforeAll(() => {
  savedAllow = process.env.WEBHOOK_ALLOW_PRIVATE
  savedAttempts = process.env.JOB_MAX_ATTEMPTS
  registerAllHandlers()
})
afterAll(() => {
  if (savedAllow === undefined) delete process.env.WEBHOOK_ALLOW_PRIVATE; else process.env.WEBHOOK_ALLOW_PRIVATE = savedAllow
  if (savedAttempts === undefined) delete process.env.JOB_MAX_ATTEMPTS; else process.env.JOB_MAX_ATTEMPTS = savedAttempts
})
// Every test starts from the safe default; those that need loopback opt in.
beforeEach(() => { delete process.env.WEBHOOK_ALLOW_PRIVATE })

type Listener = { url: string; port: number; hits: string[]; close: () => Promise<void> }
async function listen(answer: (req: http.IncomingMessage, res: http.ServerResponse) => void = (_q, res) => res.end()): Promise<Listener> {
  const hits: string[] = []
  const server = http.createServer((req, res) => { hits.push(`${req.method} ${req.url}`); req.resume(); answer(req, res) })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  const port = (server.address() as AddressInfo).port
  return { url: `http://127.0.0.1:${port}/hook`, port, hits, close: () => new Promise((r) => server.close(() => r())) }
}

/** Queues one ticket.created delivery to `url`, runs it once, and returns what the admin's delivery page shows. */
async function deliverOnce(o: TestOrg, url: string, opts: { stored?: boolean } = {}) {
  if (opts.stored) {
    // A row saved before targets were checked (or while WEBHOOK_ALLOW_PRIVATE was on).
    await o.db.insert(webhookEndpoints).values({ organizationId: o.org.id, url, secret: 'a-very-long-shared-secret' })
  } else {
    await addWebhook(o.admin, { url, secret: 'a-very-long-shared-secret' })
  }
  process.env.JOB_MAX_ATTEMPTS = '1'
  await createTicket(o.requester, { title: 'Streetlight out', description: 'x' })
  delete process.env.JOB_MAX_ATTEMPTS
  await drainJobs(o.db, { organizationId: o.org.id })
  const hooks = (await listDeliveries(o.admin)).filter((d) => d.queue === 'webhook')
  expect(hooks).toHaveLength(1)
  expect(hooks[0].status).toBe('dead')
  return hooks[0].lastError
}

describe('saving a webhook', () => {
  it.each([
    'http://127.0.0.1/hook', 'http://127.1:8080/', 'http://169.254.169.254/latest/meta-data/', 'http://10.0.0.5/hook',
    'http://172.16.3.4/', 'http://192.168.1.10/', 'http://100.64.0.1/', 'http://0.0.0.0:5432/', 'http://0/',
    'http://localhost:3000/hook', 'http://LocalHost./', 'http://admin.localhost/', 'http://[::1]:8080/', 'http://[::]/',
    'http://[fc00::1]/', 'http://[fd00:ec2::254]/', 'http://[fe80::1]/', 'http://[::ffff:127.0.0.1]/', 'http://[::ffff:a9fe:a9fe]/',
    'http://2130706433/', 'http://0177.0.0.1/', 'http://0x7f.0.0.1/', 'http://224.0.0.251/', 'https://192.0.2.1/',
  ])('refuses %s with a message on the URL field', async (url) => {
    const o = await makeOrg()
    const err = await addWebhook(o.admin, { url, secret: 'a-very-long-shared-secret' }).catch((e) => e)
    expect(err).toBeInstanceOf(ValidationError)
    expect(err.fieldErrors).toEqual({ url: [NOT_PUBLIC_MESSAGE] })
    expect(await listWebhooks(o.admin)).toHaveLength(0)
  })

  it.each([
    ['https://user:pass@hooks.example.com/x', 'Leave the user name and password out of the URL'],
    ['https://token@hooks.example.com/x', 'Leave the user name and password out of the URL'],
    ['ftp://hooks.example.com/x', 'Use an http:// or https:// URL'],
    ['file:///etc/passwd', 'Use an http:// or https:// URL'],
  ])('refuses %s by the schema', async (url, message) => {
    const o = await makeOrg()
    const err = await addWebhook(o.admin, { url, secret: 'a-very-long-shared-secret' }).catch((e) => e)
    expect(err).toBeInstanceOf(ZodError)
    expect((err as ZodError).issues.map((i) => i.message)).toContain(message)
  })

  it('accepts a public address, and a name that does not resolve yet (deliveries check it again)', async () => {
    const o = await makeOrg()
    await addWebhook(o.admin, { url: 'https://8.8.8.8/hook', secret: 'a-very-long-shared-secret' })
    await addWebhook(o.admin, { url: 'https://sms-gateway.example.test/hook', secret: 'a-very-long-shared-secret' })
    expect((await listWebhooks(o.admin)).map((h) => h.url).sort()).toEqual(['https://8.8.8.8/hook', 'https://sms-gateway.example.test/hook'])
  })

  it('refuses a name whose DNS answers a private address, and accepts one that answers public ones', async () => {
    const dns: Resolver = async (host) => host === 'inside.example.com'
      ? [{ address: '93.184.215.14', family: 4 }, { address: '10.0.0.7', family: 4 }]
      : [{ address: '93.184.215.14', family: 4 }]
    expect(await webhookTargetProblem('https://inside.example.com/hook', { resolve: dns })).toBe(NOT_PUBLIC_MESSAGE)
    expect(await webhookTargetProblem('https://outside.example.com/hook', { resolve: dns })).toBeNull()
  })

  it('accepts loopback when the operator sets WEBHOOK_ALLOW_PRIVATE=1', async () => {
    process.env.WEBHOOK_ALLOW_PRIVATE = '1'
    const o = await makeOrg()
    await addWebhook(o.admin, { url: 'http://127.0.0.1:9/hook', secret: 'a-very-long-shared-secret' })
    expect(await listWebhooks(o.admin)).toHaveLength(1)
  })
})

describe('delivering a webhook', () => {
  let internal: Listener
  beforeAll(async () => { internal = await listen() })
  afterAll(() => internal.close())
  beforeEach(() => { internal.hits.length = 0 })

  it('refuses at connect time a name that resolved publicly when saved and privately now (DNS rebinding)', async () => {
    let calls = 0
    const rebinding: Resolver = async () => (calls++ === 0 ? [{ address: '93.184.215.14', family: 4 }] : [{ address: '127.0.0.1', family: 4 }])
    const url = `http://rebind.example.com:${internal.port}/hook`
    expect(await webhookTargetProblem(url, { resolve: rebinding })).toBeNull()
    await expect(postToWebhook(url, { headers: {}, body: '{}', resolve: rebinding })).rejects.toThrow(deliveryMessages.notPublic)
    expect(calls).toBe(2)
    expect(internal.hits).toEqual([])
    // The same name reaches the listener once private targets are allowed: the lookup is what the socket used.
    await expect(postToWebhook(url, { headers: {}, body: '{}', resolve: rebinding, allowPrivate: true })).resolves.toBe(200)
    expect(internal.hits).toEqual(['POST /hook'])
  })

  it.each([
    (p: number) => `http://127.0.0.1:${p}/hook`, (p: number) => `http://localhost:${p}/hook`,
    (p: number) => `http://[::ffff:127.0.0.1]:${p}/hook`, (p: number) => `http://2130706433:${p}/hook`,
  ])('refuses a stored private target at connect time and sends it nothing (%#)', async (url) => {
    const o = await makeOrg()
    expect(await deliverOnce(o, url(internal.port), { stored: true })).toBe(deliveryMessages.notPublic)
    expect(internal.hits).toEqual([])
  })

  it('does not follow a redirect, even to an allowed target', async () => {
    process.env.WEBHOOK_ALLOW_PRIVATE = '1'
    const redirector = await listen((_req, res) => { res.writeHead(302, { Location: internal.url }); res.end() })
    try {
      const o = await makeOrg()
      expect(await deliverOnce(o, redirector.url)).toBe(deliveryMessages.redirect(302))
      expect(redirector.hits).toEqual(['POST /hook'])
      expect(internal.hits).toEqual([])
    } finally {
      await redirector.close()
    }
  })

  it('shows the admin the same message for a closed port and an open non-HTTP one; the log keeps the detail', async () => {
    process.env.WEBHOOK_ALLOW_PRIVATE = '1'
    // Open: a service that accepts and hangs up (like a database refusing a stranger) ...
    const open: net.Socket[] = []
    const hangUp = net.createServer((s) => s.destroy())
    // ... or one that answers in its own protocol.
    const ssh = net.createServer((s) => { open.push(s); s.end('SSH-2.0-OpenSSH_9.6\r\n') })
    const closed = net.createServer()
    const portOf = async (s: net.Server) => { await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r())); return (s.address() as AddressInfo).port }
    const [hangUpPort, sshPort, closedPort] = [await portOf(hangUp), await portOf(ssh), await portOf(closed)]
    await new Promise<void>((r) => closed.close(() => r()))
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    try {
      const seen = []
      for (const port of [closedPort, hangUpPort, sshPort]) seen.push(await deliverOnce(await makeOrg(), `http://127.0.0.1:${port}/hook`))
      expect(seen).toEqual([deliveryMessages.connect, deliveryMessages.connect, deliveryMessages.connect])
      expect(seen.join(' ')).not.toMatch(/ECONN|refused|hang up|parse/i)
      expect(JSON.stringify(log.mock.calls)).toContain('ECONNREFUSED')
    } finally {
      log.mockRestore()
      for (const c of open) c.destroy()
      await Promise.all([hangUp, ssh].map((s) => new Promise((r) => s.close(r))))
    }
  })

  describe('to a receiver that never answers', () => {
    let silent: net.Server
    const sockets: net.Socket[] = []
    beforeAll(() => { process.env.WEBHOOK_TIMEOUT_MS = '300' })
    afterEach(() => { for (const s of sockets) s.destroy() })
    afterAll(() => { delete process.env.WEBHOOK_TIMEOUT_MS; return new Promise<void>((r) => silent.close(() => r())) })

    it('records a timeout, without socket detail', async () => {
      process.env.WEBHOOK_ALLOW_PRIVATE = '1'
      silent = net.createServer((s) => { sockets.push(s) })
      await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()))
      const o = await makeOrg()
      expect(await deliverOnce(o, `http://127.0.0.1:${(silent.address() as AddressInfo).port}/hook`)).toBe(deliveryMessages.timeout)
    })
  })
})
