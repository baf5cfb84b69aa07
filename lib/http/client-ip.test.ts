import { createServer, request, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { CLIENT_IP_HEADER, clientIp, normalizeIp, parseTrustedProxies, resolveClientIp, TrustedProxiesError } from './client-ip'
import { installClientIpHook } from './client-ip-hook'

describe('resolveClientIp', () => {
  const none = parseTrustedProxies(undefined)
  const lb = parseTrustedProxies('10.0.0.0/8, 127.0.0.1, fd00::/8')

  it('with no trusted proxies, is the TCP peer whatever X-Forwarded-For says', () => {
    expect(resolveClientIp('203.0.113.9', '1.2.3.4', none)).toBe('203.0.113.9')
    expect(resolveClientIp('127.0.0.1', '1.2.3.4', none)).toBe('127.0.0.1')
  })

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', () => {
    expect(resolveClientIp('198.51.100.7', '1.2.3.4, 10.0.0.2', lb)).toBe('198.51.100.7')
  })

  it('behind trusted proxies, is the first untrusted address from the right', () => {
    expect(resolveClientIp('10.0.0.5', '203.0.113.9', lb)).toBe('203.0.113.9')
    expect(resolveClientIp('127.0.0.1', '203.0.113.9, 10.1.2.3', lb)).toBe('203.0.113.9')
  })

  it('a client prepending forged hops gets its own address, not the forged one', () => {
    // The client sent "X-Forwarded-For: 6.6.6.6, 10.9.9.9"; the proxy appended what it saw.
    expect(resolveClientIp('10.0.0.5', '6.6.6.6, 10.9.9.9, 203.0.113.9', lb)).toBe('203.0.113.9')
  })

  it('stops at a garbage hop and keeps the last address it could vouch for', () => {
    expect(resolveClientIp('10.0.0.5', 'evil, 10.0.0.7', lb)).toBe('10.0.0.7')
    expect(resolveClientIp('10.0.0.5', 'not-an-ip', lb)).toBe('10.0.0.5')
  })

  it('when every hop is a trusted proxy, is the leftmost', () => {
    expect(resolveClientIp('10.0.0.5', '10.0.0.9, 10.0.0.8', lb)).toBe('10.0.0.9')
  })

  it('handles IPv6 peers, IPv4-mapped peers and bracketed hops', () => {
    expect(resolveClientIp('fd00::1', '2001:db8::42', lb)).toBe('2001:db8::42')
    expect(resolveClientIp('::ffff:10.0.0.5', '203.0.113.9', lb)).toBe('203.0.113.9')
    expect(resolveClientIp('::ffff:198.51.100.7', '203.0.113.9', lb)).toBe('198.51.100.7')
    expect(resolveClientIp('fd00::1', '[2001:DB8::42]:443', lb)).toBe('2001:db8::42')
    expect(resolveClientIp('2001:db8::1', '1.2.3.4', lb)).toBe('2001:db8::1')
  })
})

describe('parseTrustedProxies', () => {
  it('accepts addresses and CIDR ranges of both families', () => {
    const list = parseTrustedProxies(' 192.168.0.0/16 ,::1, 2001:db8::/32 ')
    expect(list.check('192.168.4.4', 'ipv4')).toBe(true)
    expect(list.check('192.169.0.1', 'ipv4')).toBe(false)
    expect(list.check('::1', 'ipv6')).toBe(true)
    expect(list.check('2001:db8:ffff::1', 'ipv6')).toBe(true)
    expect(list.check('2001:db9::1', 'ipv6')).toBe(false)
  })

  it('refuses what is not an address or range, naming it', () => {
    for (const bad of ['localhost', '10.0.0.0/33', '10.0.0.0/x', '::/129', '1.2.3.4/8/8']) {
      expect(() => parseTrustedProxies(bad)).toThrow(TrustedProxiesError)
    }
    expect(() => parseTrustedProxies('10.0.0.1, proxy.internal')).toThrow(/proxy\.internal/)
  })
})

describe('normalizeIp', () => {
  it('strips ports and IPv4 mapping, refuses non-addresses', () => {
    expect(normalizeIp('1.2.3.4:5678')).toBe('1.2.3.4')
    expect(normalizeIp('::ffff:1.2.3.4')).toBe('1.2.3.4')
    expect(normalizeIp('1.2.3.4, 5.6.7.8')).toBeNull()
    expect(normalizeIp('')).toBeNull()
  })
})

describe('the server hook', () => {
  /** A real HTTP server; the hook runs on Node's diagnostics channel before the handler. */
  async function roundTrip(headers: Record<string, string>): Promise<{ seen: string | undefined; ip: string | null }> {
    let seen: IncomingMessage | undefined
    const server = createServer((req, res) => { seen = req; res.end() })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const { port } = server.address() as AddressInfo
    await new Promise<void>((resolve, reject) => {
      request({ host: '127.0.0.1', port, headers }, (res) => { res.resume(); res.on('end', resolve) }).on('error', reject).end()
    })
    await new Promise<void>((r) => server.close(() => r()))
    const value = seen!.headers[CLIENT_IP_HEADER] as string | undefined
    return { seen: value, ip: clientIp(new Headers(value ? { [CLIENT_IP_HEADER]: value } : {})) }
  }

  it('is not believed before it is installed', async () => {
    expect(clientIp(new Headers({ [CLIENT_IP_HEADER]: '6.6.6.6' }))).toBeNull()
  })

  it('replaces a client-sent value with the socket address, ignoring X-Forwarded-For from an untrusted peer', async () => {
    installClientIpHook({ TRUSTED_PROXIES: '10.0.0.0/8' })
    const r = await roundTrip({ [CLIENT_IP_HEADER]: '6.6.6.6', 'x-forwarded-for': '7.7.7.7' })
    expect(r.seen).toBe('127.0.0.1')
    expect(r.ip).toBe('127.0.0.1')
  })
})
