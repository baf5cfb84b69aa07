import { BlockList, isIP } from 'node:net'

// Which address a request came from. X-Forwarded-For is a header anyone can send, so it is
// believed only as far as it was written by a proxy we run (TRUSTED_PROXIES); with none
// configured, the client is the TCP peer. The peer address is not visible to route handlers,
// so a hook on Node's HTTP server (client-ip-hook.ts) works it out per request and hands it
// on in one internal header, which `clientIp` is the only reader of.

/** Set by the server hook on every incoming request; any value the client sent is dropped first. */
export const CLIENT_IP_HEADER = 'x-helpdesk-client-ip'

/** Marks that the hook is installed in this process; without it the header could be the client's own. */
const HOOK_FLAG = Symbol.for('helpdesk.clientIpHook')
type Flagged = { [HOOK_FLAG]?: boolean }
export const markHookInstalled = () => { (globalThis as Flagged)[HOOK_FLAG] = true }
const hookInstalled = () => (globalThis as Flagged)[HOOK_FLAG] === true

export class TrustedProxiesError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'TrustedProxiesError'
  }
}

/** `::ffff:10.0.0.1` is the IPv4 peer of a dual-stack socket; brackets and ports are what proxies sometimes add. */
export function normalizeIp(raw: string | null | undefined): string | null {
  if (!raw) return null
  let s = raw.trim()
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(s)
  if (bracketed) s = bracketed[1]
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(s)) s = s.slice(0, s.lastIndexOf(':'))
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(s)
  if (mapped) s = mapped[1]
  const v = isIP(s)
  if (v === 0) return null
  return v === 6 ? s.toLowerCase() : s
}

/** Parses TRUSTED_PROXIES: comma-separated addresses or CIDR ranges, IPv4 or IPv6. Empty → trusts nobody. */
export function parseTrustedProxies(value: string | undefined): BlockList {
  const list = new BlockList()
  for (const entry of (value ?? '').split(',').map((e) => e.trim()).filter(Boolean)) {
    const [addr, bits, ...rest] = entry.split('/')
    const ip = normalizeIp(addr)
    const family = ip ? (isIP(ip) === 6 ? 'ipv6' : 'ipv4') : null
    if (!ip || !family || rest.length) throw new TrustedProxiesError(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`)
    if (bits === undefined) {
      list.addAddress(ip, family)
      continue
    }
    const prefix = Number(bits)
    if (!/^\d+$/.test(bits) || prefix > (family === 'ipv6' ? 128 : 32)) throw new TrustedProxiesError(`TRUSTED_PROXIES: "${entry}" has a bad prefix length`)
    list.addSubnet(ip, prefix, family)
  }
  return list
}

const isTrusted = (list: BlockList, ip: string) => list.check(ip, isIP(ip) === 6 ? 'ipv6' : 'ipv4')

/**
 * The client's address: the TCP peer, unless the peer is a trusted proxy, in which case
 * X-Forwarded-For is walked from the right (each proxy appends the address it saw) past
 * trusted proxies to the first address that is not one. An entry that is not an address
 * stops the walk at the last hop we could vouch for.
 */
export function resolveClientIp(peer: string | null | undefined, forwardedFor: string | null | undefined, trusted: BlockList): string | null {
  let current = normalizeIp(peer)
  if (!current || !forwardedFor) return current
  const hops = forwardedFor.split(',').reverse()
  for (const hop of hops) {
    if (!isTrusted(trusted, current)) return current
    const ip = normalizeIp(hop)
    if (!ip) return current
    current = ip
  }
  return current
}

/**
 * The requesting client's address, as worked out by the server hook. Null when the hook is
 * not running in this process (a test, a script): then nothing in the request is believed.
 */
export function clientIp(headers: Headers): string | null {
  if (!hookInstalled()) return null
  return normalizeIp(headers.get(CLIENT_IP_HEADER))
}
