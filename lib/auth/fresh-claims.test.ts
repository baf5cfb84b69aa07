import { describe, expect, it } from 'vitest'
import { encode } from 'next-auth/jwt'
import { NextRequest } from 'next/server'
import { authConfig } from './config'
import { freshClaims } from './fresh-claims'

const secret = 'test-secret-0123456789-0123456789-0123456789'
const name = 'authjs.session-token'
const claims = { sub: 'user-1', memberships: { acme: 'agent' } }
const request = (cookies: Record<string, string>) =>
  new NextRequest('http://localhost/acme/tickets', { headers: { cookie: Object.entries(cookies).map(([k, v]) => `${k}=${v}`).join('; ') } })

describe('freshClaims (the middleware fast path)', () => {
  it('reads a cookie issued within updateAge; older, chunked, forged or missing ones go through Auth.js', async () => {
    const token = await encode({ token: claims, secret, salt: name })
    expect(await freshClaims(request({ [name]: token }), secret)).toEqual({ userId: 'user-1', memberships: { acme: 'agent' } })
    // Just past updateAge: due for renewal, so not the fast path.
    const later = Date.now() + (authConfig.session.updateAge + 5) * 1000
    expect(await freshClaims(request({ [name]: token }), secret, later)).toBeNull()
    expect(await freshClaims(request({ [name]: token, [`${name}.0`]: 'x' }), secret)).toBeNull()
    expect(await freshClaims(request({ [name]: token }), 'another-secret-0123456789-0123456789')).toBeNull()
    expect(await freshClaims(request({ [name]: `${token.slice(0, -4)}AAAA` }), secret)).toBeNull()
    expect(await freshClaims(request({}), secret)).toBeNull()
    expect(await freshClaims(request({ [name]: token }), undefined)).toBeNull()
    // The salt is the cookie's name: a token minted for the plain cookie is not accepted as the secure one.
    expect(await freshClaims(request({ '__Secure-authjs.session-token': token }), secret)).toBeNull()
  })

  it('an expired token is refused even if its clock says fresh', async () => {
    const token = await encode({ token: claims, secret, salt: name, maxAge: -60 }) // past the 15 s clock tolerance of Auth.js's decode
    expect(await freshClaims(request({ [name]: token }), secret)).toBeNull()
  })
})
