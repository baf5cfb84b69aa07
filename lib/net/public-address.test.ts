import net, { type AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AddressNotPublicError, isPublicAddress, publicOnlyLookup, resolvePublic, type Resolver } from './public-address'

const notPublic = [
  // IPv4
  '0.0.0.0', '0.1.2.3', '10.0.0.1', '10.255.255.255', '100.64.0.1', '100.127.255.254', '127.0.0.1', '127.53.1.1',
  '169.254.169.254', '169.254.0.1', '172.16.0.1', '172.31.255.255', '192.0.0.8', '192.0.2.10', '192.88.99.1',
  '192.168.1.1', '198.18.0.1', '198.19.255.255', '198.51.100.7', '203.0.113.9', '224.0.0.1', '239.255.255.250',
  '240.0.0.1', '255.255.255.255',
  // IPv6
  '::', '::1', 'fe80::1', 'febf::1', 'fc00::1', 'fd12:3456:789a::1', 'ff02::1', 'ff0e::1', 'fec0::1', '2001:db8::1',
  '3fff::1', '2001::1', '2001:2::1', '100::1', '64:ff9b:1::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1',
  '::ffff:169.254.169.254', '::ffff:0.0.0.0', '::127.0.0.1', '64:ff9b::10.0.0.1', '64:ff9b::7f00:1', '2002:7f00:1::1',
  '2002:a9fe:a9fe::', 'fe80::1%eth0', '::ffff:192.168.0.1',
  // not addresses at all
  '', 'localhost', 'example.com', '1.2.3', '999.1.1.1',
]
const isPublic = [
  '1.1.1.1', '8.8.8.8', '93.184.215.14', '100.63.255.255', '100.128.0.1', '172.15.255.255', '172.32.0.1',
  '169.253.255.255', '192.0.1.1', '198.17.255.255', '198.20.0.1', '223.255.255.255', '11.0.0.1', '126.255.255.255',
  '2606:4700:4700::1111', '2a00:1450:4001:80b::200e', '2001:4860:4860::8888', '::ffff:8.8.8.8', '64:ff9b::808:808',
  '2002:808:808::1', '2400:cb00::1',
]

describe('isPublicAddress', () => {
  it.each(notPublic)('%s is not public', (ip) => { expect(isPublicAddress(ip)).toBe(false) })
  it.each(isPublic)('%s is public', (ip) => { expect(isPublicAddress(ip)).toBe(true) })
})

/** A DNS that answers from a table, as an attacker's name server would. */
const fakeDns = (table: Record<string, string[]>): Resolver => async (host) => {
  const ips = table[host]
  if (!ips) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' })
  return ips.map((address) => ({ address, family: net.isIP(address) }))
}

describe('resolvePublic', () => {
  const dns = fakeDns({
    'hooks.example.com': ['93.184.215.14', '2606:4700:4700::1111'],
    'internal.example.com': ['10.1.2.3'],
    'mixed.example.com': ['93.184.215.14', '127.0.0.1'],
    'metadata.example.com': ['::ffff:169.254.169.254'],
  })

  it('returns every address of a name that is public throughout', async () => {
    expect((await resolvePublic('hooks.example.com', { resolve: dns })).map((a) => a.address)).toEqual(['93.184.215.14', '2606:4700:4700::1111'])
    expect(await resolvePublic('[2606:4700:4700::1111]')).toEqual([{ address: '2606:4700:4700::1111', family: 6 }])
  })

  it.each(['internal.example.com', 'mixed.example.com', 'metadata.example.com', 'localhost', 'LOCALHOST.', 'app.localhost', '127.0.0.1', '[::1]', '[fc00::1]', '[::ffff:7f00:1]'])(
    'refuses %s', async (host) => {
      await expect(resolvePublic(host, { resolve: dns })).rejects.toBeInstanceOf(AddressNotPublicError)
    })

  it('resolves localhost through the system when it is not refused by name', async () => {
    // The real resolver (/etc/hosts) answers loopback, which is refused as an address.
    await expect(resolvePublic('localhost')).rejects.toBeInstanceOf(AddressNotPublicError)
    const all = await resolvePublic('localhost', { allowPrivate: true })
    expect(all.some((a) => a.address === '127.0.0.1' || a.address === '::1')).toBe(true)
  })

  it('passes a DNS failure on, not as a refusal', async () => {
    const err = await resolvePublic('nowhere.example.com', { resolve: dns }).catch((e) => e)
    expect(err).not.toBeInstanceOf(AddressNotPublicError)
    expect(err.code).toBe('ENOTFOUND')
  })
})

describe('publicOnlyLookup on a real socket', () => {
  let server: net.Server
  let port = 0
  let accepted = 0
  beforeAll(async () => {
    server = net.createServer((s) => { accepted++; s.end() })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
    port = (server.address() as AddressInfo).port
  })
  afterAll(() => new Promise<void>((r) => server.close(() => r())))

  const connect = (host: string, lookup: net.LookupFunction, autoSelectFamily: boolean) => new Promise<void>((resolve, reject) => {
    const socket = net.connect({ host, port, lookup, autoSelectFamily })
    socket.on('connect', () => { socket.destroy(); resolve() })
    socket.on('error', reject)
  })
  // A name whose DNS points at this machine's listener, e.g. after a rebinding.
  const dns = fakeDns({ 'rebound.example.com': ['127.0.0.1'] })

  it.each([false, true])('refuses to connect to a name that resolves privately (happy eyeballs: %s)', async (autoSelectFamily) => {
    // The refusal comes from the lookup, and Node opens no socket after a failed lookup.
    await expect(connect('rebound.example.com', publicOnlyLookup({ resolve: dns }), autoSelectFamily)).rejects.toBeInstanceOf(AddressNotPublicError)
  })

  it.each([false, true])('connects to the address it checked when private targets are allowed (happy eyeballs: %s)', async (autoSelectFamily) => {
    const before = accepted
    await connect('rebound.example.com', publicOnlyLookup({ resolve: dns, allowPrivate: true }), autoSelectFamily)
    await expect.poll(() => accepted).toBe(before + 1)
  })
})
