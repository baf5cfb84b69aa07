import 'server-only'
import http from 'node:http'
import https from 'node:https'
import { isIP } from 'node:net'
import { AddressNotPublicError, bareHost, publicOnlyLookup, resolvePublic, type Resolver } from '@/lib/net/public-address'
import { privateTargetsAllowed } from './webhook-target'

/**
 * A failed delivery. Its message is what the admin sees on the delivery page, so it never
 * carries socket detail: "connection refused" next to "timed out" or "socket hang up" would
 * let an admin map which ports are open on a host. The detail goes to the server log only.
 */
export class WebhookDeliveryError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'WebhookDeliveryError'
  }
}

export const deliveryMessages = {
  notPublic: 'Webhook refused: address not public',
  badUrl: 'Webhook refused: only http(s) URLs without credentials are allowed',
  connect: 'Webhook could not connect',
  timeout: 'Webhook timed out',
  redirect: (status: number) => `Webhook answered HTTP ${status}: redirect not followed`,
  status: (status: number) => `Webhook answered HTTP ${status}`,
}

const timeoutMs = () => Number(process.env.WEBHOOK_TIMEOUT_MS ?? 10_000)
const TIMED_OUT = 'EWEBHOOKTIMEOUT'

type PostOptions = { headers: Record<string, string>; body: string; resolve?: Resolver; allowPrivate?: boolean }

/**
 * POSTs `body` to `target` and resolves with the status code when it is 2xx. The socket
 * connects only to an address checked as public at that moment (the `lookup` below), so a
 * name that was public when saved and points inward now is refused. Redirects are not
 * followed: a 3xx to http://169.254.169.254/ would otherwise undo the check.
 */
export async function postToWebhook(target: string, opts: PostOptions): Promise<number> {
  const allowPrivate = opts.allowPrivate ?? privateTargetsAllowed()
  const url = new URL(target)
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) {
    throw new WebhookDeliveryError(deliveryMessages.badUrl)
  }
  try {
    // Node connects to an IP literal without calling `lookup`, so literals are checked here.
    if (isIP(bareHost(url.hostname))) await resolvePublic(url.hostname, { allowPrivate })
    const status = await send(url, opts, allowPrivate)
    if (status >= 200 && status < 300) return status
    throw new WebhookDeliveryError(status >= 300 && status < 400 ? deliveryMessages.redirect(status) : deliveryMessages.status(status))
  } catch (err) {
    if (err instanceof WebhookDeliveryError) throw err
    // The host and the socket error are for the operator; the path may hold a token, so it stays out.
    const e = err as NodeJS.ErrnoException
    console.error('webhook delivery failed', { host: url.host, code: e.code, error: e.message })
    if (err instanceof AddressNotPublicError) throw new WebhookDeliveryError(deliveryMessages.notPublic)
    if (e.code === TIMED_OUT) throw new WebhookDeliveryError(deliveryMessages.timeout)
    throw new WebhookDeliveryError(deliveryMessages.connect)
  }
}

function send(url: URL, opts: PostOptions, allowPrivate: boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = url.protocol === 'https:' ? https.request : http.request
    const req = request(url, {
      method: 'POST',
      headers: { ...opts.headers, 'Content-Length': String(Buffer.byteLength(opts.body)) },
      lookup: publicOnlyLookup({ resolve: opts.resolve, allowPrivate }),
      // No pooled sockets: a kept-alive connection would skip the lookup on the next delivery.
      agent: false,
    })
    const timer = setTimeout(() => req.destroy(Object.assign(new Error('no answer in time'), { code: TIMED_OUT })), timeoutMs())
    req.on('response', (res) => {
      clearTimeout(timer)
      // Only the status matters; the body is not read, so a slow or huge one costs nothing.
      res.destroy()
      req.destroy()
      resolve(res.statusCode ?? 0)
    })
    req.on('error', (err) => { clearTimeout(timer); req.destroy(); reject(err) })
    req.end(opts.body)
  })
}
