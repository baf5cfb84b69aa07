import { describe, expect, it } from 'vitest'
import { randomInt } from 'node:crypto'
import { count, eq } from 'drizzle-orm'
import { getDb } from '@/db/client'
import { revokedSessions, signInAttempts } from '@/db/schema'
import { addMember } from '@/lib/members/members'
import { createUser } from '@/lib/users/create-user'
import { makeOrg, uid } from '@/test/factory'
import { verifyCredentials } from './credentials'
import { checkLockout, LOCKOUT, recordAttempt } from './rate-limit'
import { isRevoked, revokeSession } from './revocation'
import { loadCtx } from './load-ctx'
import { ForbiddenError, UnauthorizedError } from '@/lib/errors'

const PASSWORD = 'correct horse battery'
// Attempts are global (not tenant data): every test uses its own account and its own address.
const freshIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(256)}-${uid()}`

async function account() {
  const db = await getDb()
  const email = `user-${uid()}@t.test`
  const user = await createUser(db, { email, name: 'Sign In', password: PASSWORD })
  return { db, email, user }
}

describe('password sign-in', () => {
  it('the right password signs in, with the memberships middleware needs', async () => {
    const o = await makeOrg()
    const db = await getDb()
    const email = `member-${uid()}@t.test`
    await addMember(o.admin, { email, role: 'agent', password: PASSWORD })
    const result = await verifyCredentials(db, { email: `  ${email.toUpperCase()} `, password: PASSWORD }, freshIp())
    expect(result).toMatchObject({ ok: true, user: { email, memberships: { [o.org.slug]: 'agent' } } })
  })

  it('a wrong password, an unknown account and malformed input all fail the same way', async () => {
    const { db, email } = await account()
    const ip = freshIp()
    expect(await verifyCredentials(db, { email, password: 'wrong password' }, ip)).toEqual({ ok: false, reason: 'invalid' })
    expect(await verifyCredentials(db, { email: `ghost-${uid()}@t.test`, password: PASSWORD }, ip)).toEqual({ ok: false, reason: 'invalid' })
    expect(await verifyCredentials(db, { email: 'not an email', password: '' }, ip)).toEqual({ ok: false, reason: 'invalid' })
    expect(await verifyCredentials(db, null, ip)).toEqual({ ok: false, reason: 'invalid' })
  })
})

describe('lockout (§2)', () => {
  it(`${LOCKOUT.perAccount} wrong passwords lock the account, even against the right password`, async () => {
    const { db, email } = await account()
    const ip = freshIp()
    for (let i = 0; i < LOCKOUT.perAccount; i++) {
      expect(await verifyCredentials(db, { email, password: `wrong ${i}` }, ip)).toEqual({ ok: false, reason: 'invalid' })
    }
    const locked = await verifyCredentials(db, { email, password: PASSWORD }, ip)
    expect(locked).toEqual({ ok: false, reason: 'locked', lockout: { locked: true, scope: 'account', retryAfterMinutes: LOCKOUT.windowMinutes } })
    // From another address too: the lock is on the account.
    expect(await verifyCredentials(db, { email: email.toUpperCase(), password: PASSWORD }, freshIp())).toMatchObject({ ok: false, reason: 'locked' })
  })

  it('the right password before the limit works and resets the count', async () => {
    const { db, email, user } = await account()
    const ip = freshIp()
    // Failures recorded directly (the test above proves verifyCredentials records them): bcrypt is slow on purpose.
    for (let i = 0; i < LOCKOUT.perAccount - 1; i++) await recordAttempt(db, email, ip, false)
    expect(await verifyCredentials(db, { email, password: PASSWORD }, ip)).toMatchObject({ ok: true, user: { id: user.id } })
    // Failures before the success no longer count.
    for (let i = 0; i < LOCKOUT.perAccount - 1; i++) await recordAttempt(db, email, ip, false)
    expect(await checkLockout(db, email, ip)).toEqual({ locked: false })
    await recordAttempt(db, email, ip, false)
    expect(await checkLockout(db, email, ip)).toMatchObject({ locked: true, scope: 'account' })
  })

  it('attempts while locked are not recorded as more failures, and other accounts are unaffected', async () => {
    const { db, email } = await account()
    const other = await account()
    const ip = freshIp()
    for (let i = 0; i < LOCKOUT.perAccount; i++) await recordAttempt(db, email, ip, false)
    expect(await checkLockout(db, email, ip)).toMatchObject({ locked: true, scope: 'account' })
    for (let i = 0; i < 3; i++) expect(await verifyCredentials(db, { email, password: PASSWORD }, ip)).toMatchObject({ reason: 'locked' })
    const [row] = await db.select({ n: count() }).from(signInAttempts).where(eq(signInAttempts.email, email))
    expect(row.n).toBe(LOCKOUT.perAccount)
    expect(await verifyCredentials(db, { email: other.email, password: PASSWORD }, ip)).toMatchObject({ ok: true })
  })

  it('failures outside the window do not count', async () => {
    const { db, email } = await account()
    const ip = freshIp()
    const old = new Date(Date.now() - (LOCKOUT.windowMinutes + 1) * 60_000)
    await db.insert(signInAttempts).values(Array.from({ length: LOCKOUT.perAccount }, () => ({ email, ip, success: false, createdAt: old })))
    expect(await checkLockout(db, email, ip)).toEqual({ locked: false })
    expect(await verifyCredentials(db, { email, password: PASSWORD }, ip)).toMatchObject({ ok: true })
  })

  it(`${LOCKOUT.perIp} failures from one address lock that address for every account`, async () => {
    const { db, email } = await account()
    const ip = freshIp()
    // Spread over many (unknown) accounts so no single account is locked.
    for (let i = 0; i < LOCKOUT.perIp; i++) await recordAttempt(db, `spray-${i}-${uid()}@t.test`, ip, false)
    expect(await verifyCredentials(db, { email, password: PASSWORD }, ip)).toEqual({
      ok: false, reason: 'locked', lockout: { locked: true, scope: 'ip', retryAfterMinutes: LOCKOUT.windowMinutes },
    })
    expect(await verifyCredentials(db, { email, password: PASSWORD }, freshIp())).toMatchObject({ ok: true })
  })
})

describe('sign-out (revoked sessions)', () => {
  it('a revoked session id stays refused; other sessions of the same person are untouched', async () => {
    const { db, user } = await account()
    const [gone, other] = [crypto.randomUUID(), crypto.randomUUID()]
    expect(await isRevoked(db, gone)).toBe(false)
    await revokeSession(db, gone, user.id)
    await revokeSession(db, gone, user.id) // signing out twice is harmless
    expect(await isRevoked(db, gone)).toBe(true)
    expect(await isRevoked(db, other)).toBe(false)
  })

  it('the request context refuses a revoked session in the same query, member or not', async () => {
    const o = await makeOrg()
    const db = o.db
    const [live, gone] = [crypto.randomUUID(), crypto.randomUUID()]
    await revokeSession(db, gone, o.agent.user.id)
    expect((await loadCtx(db, o.agent.user.id, o.org.slug, null, { sid: live })).role).toBe('agent')
    await expect(loadCtx(db, o.agent.user.id, o.org.slug, null, { sid: gone })).rejects.toBeInstanceOf(UnauthorizedError)
    // Not a member anywhere here: still "sign in again", not "no access", once the session is gone.
    const other = await makeOrg()
    await expect(loadCtx(db, o.agent.user.id, other.org.slug, null, { sid: gone })).rejects.toBeInstanceOf(UnauthorizedError)
    await expect(loadCtx(db, o.agent.user.id, other.org.slug, null, { sid: live })).rejects.toBeInstanceOf(ForbiddenError)
  })

  it('rows past any token lifetime are swept on the next sign-out', async () => {
    const { db, user } = await account()
    const old = crypto.randomUUID()
    await db.insert(revokedSessions).values({ sid: old, userId: user.id, expiresAt: new Date(Date.now() - 1000) })
    await revokeSession(db, crypto.randomUUID(), user.id)
    expect(await isRevoked(db, old)).toBe(false)
  })
})
