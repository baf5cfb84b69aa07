import 'server-only'
import { promises as dns } from 'node:dns'
import { BlockList, isIP, type LookupFunction } from 'node:net'

/**
 * Which addresses a server-side request (webhooks) may reach. "Public" means globally
 * routable unicast: anything in IANA's special-purpose registries that is not globally
 * reachable (loopback, private, link-local, CGNAT, documentation, benchmarking,
 * multicast, reserved, "this network") is refused, so an admin cannot point the server
 * at the cloud metadata endpoint, the database or another service on the internal network.
 */

const notPublicV4 = new BlockList()
for (const [net, bits] of [
  ['0.0.0.0', 8], // "this network"; 0.0.0.0 connects to the local host
  ['10.0.0.0', 8], ['172.16.0.0', 12], ['192.168.0.0', 16], // private (RFC 1918)
  ['100.64.0.0', 10], // carrier-grade NAT shared space
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, incl. 169.254.169.254 cloud metadata
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], ['198.51.100.0', 24], ['203.0.113.0', 24], // documentation
  ['192.88.99.0', 24], // deprecated 6to4 relay anycast
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, incl. 255.255.255.255 broadcast
] as const) notPublicV4.addSubnet(net, bits, 'ipv4')

// Only global unicast (2000::/3) can be public; within it these are not.
const globalUnicastV6 = new BlockList()
globalUnicastV6.addSubnet('2000::', 3, 'ipv6')
const notPublicV6 = new BlockList()
for (const [net, bits] of [
  ['2001::', 23], // IETF protocol assignments (Teredo, benchmarking, ORCHID …)
  ['2001:db8::', 32], ['3fff::', 20], // documentation
] as const) notPublicV6.addSubnet(net, bits, 'ipv6')

/** The eight 16-bit groups of a valid IPv6 address (a trailing dotted quad is two groups). */
function ipv6Groups(ip: string): number[] {
  let text = ip
  const quad = text.match(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/)
  if (quad) {
    const [a, b, c, d] = quad.slice(1).map(Number)
    text = `${text.slice(0, quad.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, null]
  const parse = (s: string) => (s ? s.split(':').map((g) => parseInt(g, 16)) : [])
  const front = parse(head)
  const back = tail === null ? [] : parse(tail)
  return [...front, ...Array(8 - front.length - back.length).fill(0), ...back]
}

const v4From = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`

/** True when `ip` (an IPv4 or IPv6 literal) is a globally routable unicast address. */
export function isPublicAddress(ip: string): boolean {
  const family = isIP(ip)
  if (family === 4) return !notPublicV4.check(ip, 'ipv4')
  // A zone index (fe80::1%eth0) only exists for link-local scopes.
  if (family !== 6 || ip.includes('%')) return false
  const g = ipv6Groups(ip.toLowerCase())
  // Addresses that carry an IPv4 address reach that address: judge the embedded one.
  // ::ffff:a.b.c.d (mapped) and 64:ff9b::a.b.c.d (NAT64) at the end, 2002:AABB:CCDD:: (6to4) after the prefix.
  if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) return isPublicAddress(v4From(g[6], g[7]))
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return isPublicAddress(v4From(g[6], g[7]))
  if (g[0] === 0x2002) return isPublicAddress(v4From(g[1], g[2]))
  // ::, ::1, fc00::/7, fe80::/10, ff00::/8 and the rest of the non-global space fall outside 2000::/3.
  return globalUnicastV6.check(ip, 'ipv6') && !notPublicV6.check(ip, 'ipv6')
}

export type ResolvedAddress = { address: string; family: number }
/** Name → every address it has; injectable so tests can play a DNS that answers what they need. */
export type Resolver = (host: string) => Promise<ResolvedAddress[]>

export const systemResolver: Resolver = (host) => dns.lookup(host, { all: true, verbatim: true })

/** A target host that is, or resolves to, an address that is not public. Message is safe to show. */
export class AddressNotPublicError extends Error {
  readonly code = 'EADDRNOTPUBLIC'
  constructor(readonly host: string, readonly address: string) {
    super('refused: address not public')
    this.name = 'AddressNotPublicError'
  }
}

/** `[::1]` (URL hostname form) → `::1`; names lose a trailing dot and case. */
export function bareHost(host: string): string {
  const h = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host
  return h.toLowerCase().replace(/\.$/, '')
}

/** `localhost` and `*.localhost` are loopback by definition (RFC 6761), whatever DNS says. */
const isLocalhostName = (host: string) => host === 'localhost' || host.endsWith('.localhost')

/**
 * Every address of `host` (a name or an IP literal), refusing with AddressNotPublicError
 * when any of them is not public: a name with one public and one private address could
 * otherwise be connected to either. DNS failures are passed on as they come.
 */
export async function resolvePublic(host: string, opts: { resolve?: Resolver; allowPrivate?: boolean } = {}): Promise<ResolvedAddress[]> {
  const name = bareHost(host)
  const literal = isIP(name)
  if (!opts.allowPrivate && isLocalhostName(name)) throw new AddressNotPublicError(name, name)
  const addresses = literal ? [{ address: name, family: literal }] : await (opts.resolve ?? systemResolver)(name)
  if (addresses.length === 0) throw Object.assign(new Error(`${name} has no addresses`), { code: 'ENOTFOUND' })
  if (!opts.allowPrivate) {
    const bad = addresses.find((a) => !isPublicAddress(a.address))
    if (bad) throw new AddressNotPublicError(name, bad.address)
  }
  return addresses
}

/**
 * A `lookup` for http(s).request / net.connect that resolves through resolvePublic, so the
 * socket connects to an address that was just checked. Checking a URL's host before the
 * request is not enough: its DNS can answer a public address to the check and a private
 * one to the connect (DNS rebinding). Handles both callback forms Node uses (`all` is set
 * when happy-eyeballs is on).
 */
export function publicOnlyLookup(opts: { resolve?: Resolver; allowPrivate?: boolean } = {}): LookupFunction {
  return (hostname, options, callback) => {
    resolvePublic(hostname, opts).then((all) => {
      const wanted = options.family === 4 || options.family === 6 ? all.filter((a) => a.family === options.family) : all
      if (wanted.length === 0) {
        callback(Object.assign(new Error(`${hostname} has no IPv${options.family} address`), { code: 'ENOTFOUND' }), '', 0)
      } else if (options.all) {
        ;(callback as unknown as (e: null, a: ResolvedAddress[]) => void)(null, wanted)
      } else {
        callback(null, wanted[0].address, wanted[0].family)
      }
    }, (err: NodeJS.ErrnoException) => callback(err, '', 0))
  }
}
