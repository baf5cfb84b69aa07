import { describe, expect, it } from 'vitest'
import { encode } from 'next-auth/jwt'
import type { Session } from 'next-auth'
import { authConfig } from './config'
import { freshClaims } from './fresh-claims'
import { isTwoFactorProof, twoFactorProof } from './two-factor-proof'

const secret = 'test-secret-0123456789-0123456789'
const name = 'authjs.session-token'
const jar = (value: string) => ({ get: (n: string) => (n === name ? { value } : undefined), has: (n: string) => n === name })
const cookie = (token: Record<string, unknown>) => encode({ token: { iat: Math.floor(Date.now() / 1000), ...token }, secret, salt: name })

describe('a session owing its second factor (issue 18)', () => {
  it('reaches middleware as pending, with no memberships', async () => {
    const pending = await freshClaims(jar(await cookie({ sub: 'u1', memberships: {}, tfa: 'pending', tfaUntil: 1 })), secret)
    expect(pending).toEqual({ userId: 'u1', memberships: {}, twoFactorPending: true })
    const done = await freshClaims(jar(await cookie({ sub: 'u1', memberships: { acme: 'agent' } })), secret)
    expect(done).toEqual({ userId: 'u1', memberships: { acme: 'agent' } })
  })

  it('the session callback marks it, with the deadline of the code page', () => {
    const fresh = () => ({ user: { id: '', email: '' }, expires: '' }) as unknown as Session
    const shaped = authConfig.callbacks.session({ session: fresh(), token: { sub: 'u1', tfa: 'pending', tfaUntil: 123, sid: 's1' } } as never) as Session
    expect(shaped).toMatchObject({ twoFactorPending: true, twoFactorPendingUntil: 123, memberships: {}, sid: 's1' })
    const plain = authConfig.callbacks.session({ session: fresh(), token: { sub: 'u1', sid: 's1' } } as never) as Session
    expect(plain.twoFactorPending).toBeUndefined()
  })

  it('only the server-made proof for this very session completes it', () => {
    const proof = twoFactorProof('sid-1')
    expect(isTwoFactorProof('sid-1', proof)).toBe(true)
    expect(isTwoFactorProof('sid-2', proof)).toBe(false)
    expect(isTwoFactorProof('sid-1', `${proof}x`)).toBe(false)
    expect(isTwoFactorProof('sid-1', true)).toBe(false)
    expect(isTwoFactorProof(undefined, proof)).toBe(false)
  })
})
