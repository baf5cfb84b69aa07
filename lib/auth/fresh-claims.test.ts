import { describe, expect, it } from 'vitest'
import { encode } from 'next-auth/jwt'
import { NextRequest } from 'next/server'
import { authConfig } from './config'
import { decodeSessionCookie, freshClaims } from './fresh-claims'

const secret = 'test-secret-0123456789-0123456789-0123456789'
const name = 'authjs.session-token'
const claims = { sub: 'user-1', memberships: { acme: 'agent' } }
const request = (cookies: Record<string, string>) =>
  new NextRequest('http://localhost/acme/tickets', { headers: { cookie: Object.entries(cookies).map(([k, v]) => `${k}=${v}`).join('; ') } })

describe('freshClaims (the middleware fast path)', () => {
  it('reads a cookie issued within updateAge; older, chunked, forged or missing ones go through Auth.js', async () => {
    const token = await encode({ token: claims, secret, salt: name })
    expect(await freshClaims(request({ [name]: token }).cookies, secret)).toEqual({ userId: 'user-1', memberships: { acme: 'agent' } })
    // Just past updateAge: due for renewal, so not the fast path.
    const later = Date.now() + (authConfig.session.updateAge + 5) * 1000
    expect(await freshClaims(request({ [name]: token }).cookies, secret, later)).toBeNull()
    expect(await freshClaims(request({ [name]: token, [`${name}.0`]: 'x' }).cookies, secret)).toBeNull()
    expect(await freshClaims(request({ [name]: token }).cookies, 'another-secret-0123456789-0123456789')).toBeNull()
    expect(await freshClaims(request({ [name]: `${token.slice(0, -4)}AAAA` }).cookies, secret)).toBeNull()
    expect(await freshClaims(request({}).cookies, secret)).toBeNull()
    expect(await freshClaims(request({ [name]: token }).cookies, undefined)).toBeNull()
    // The salt is the cookie's name: a token minted for the plain cookie is not accepted as the secure one.
    expect(await freshClaims(request({ '__Secure-authjs.session-token': token }).cookies, secret)).toBeNull()
  })

  it('an expired token is refused even if its clock says fresh', async () => {
    const token = await encode({ token: claims, secret, salt: name, maxAge: -60 }) // past the 15 s clock tolerance of Auth.js's decode
    expect(await freshClaims(request({ [name]: token }).cookies, secret)).toBeNull()
  })
})

describe('decodeSessionCookie (the pages\' fast path)', () => {
  it('no cookie is null (signed out); what it cannot read is undefined (Auth.js decides); a good one is its token', async () => {
    const token = await encode({ token: claims, secret, salt: name })
    expect(await decodeSessionCookie(request({}).cookies, secret)).toBeNull()
    expect(await decodeSessionCookie(request({ [`${name}.0`]: 'a', [`${name}.1`]: 'b' }).cookies, secret)).toBeUndefined()
    expect(await decodeSessionCookie(request({ [name]: 'garbage' }).cookies, secret)).toBeUndefined()
    expect(await decodeSessionCookie(request({ [name]: token }).cookies, undefined)).toBeUndefined()
    expect(await decodeSessionCookie(request({ [name]: token }).cookies, secret)).toMatchObject({ sub: 'user-1', memberships: { acme: 'agent' } })
  })
})
