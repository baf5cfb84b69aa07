import { subscribe } from 'node:diagnostics_channel'
import type { IncomingMessage } from 'node:http'
import { CLIENT_IP_HEADER, markHookInstalled, parseTrustedProxies, resolveClientIp } from './client-ip'

let installed = false

/**
 * Node publishes `http.server.request.start` synchronously for every request, before the
 * server's 'request' listeners (Next's handler) run, so the header set here is what every
 * middleware, page, action and route handler sees. Registered once from instrumentation.ts
 * (Node runtime), which `next start` runs before it serves requests.
 */
export function installClientIpHook(env: Record<string, string | undefined> = process.env) {
  if (installed) return
  const trusted = parseTrustedProxies(env.TRUSTED_PROXIES) // a bad value stops start-up with its reason
  subscribe('http.server.request.start', (message) => {
    const req = (message as { request: IncomingMessage }).request
    const xff = req.headers['x-forwarded-for']
    const ip = resolveClientIp(req.socket?.remoteAddress, Array.isArray(xff) ? xff.join(',') : xff, trusted)
    delete req.headers[CLIENT_IP_HEADER]
    if (ip) req.headers[CLIENT_IP_HEADER] = ip
  })
  installed = true
  markHookInstalled()
}
