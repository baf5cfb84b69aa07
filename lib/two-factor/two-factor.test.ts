import { describe, expect, it } from 'vitest'
import { randomInt } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { auditEvents, userTwoFactor } from '@/db/schema'
import { addMember } from '@/lib/members/members'
import { loadCtx } from '@/lib/auth/load-ctx'
import { LOCKOUT, recordAttempt } from '@/lib/auth/rate-limit'
import { ConflictError, ForbiddenError, NotMemberError, ValidationError } from '@/lib/errors'
import { makeOrg, uid, type TestOrg } from '@/test/factory'
import type { Ctx } from '@/lib/auth/ctx-type'
import { confirmEnrolment, disableTwoFactor, getTwoFactorStatus, setRequireStaffTwoFactor, startEnrolment } from './index'
import { unseal } from './seal'
import { codeAt, PERIOD_SECONDS } from './totp'
import { isTwoFactorEnabled, secondFactorKey, verifySecondFactor } from './verify'

const ip = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(256)}-${uid()}`
const STEP_MS = PERIOD_SECONDS * 1000

/** A code from an earlier 30-second step, so the next check (at "now") is a later step. */
async function enrol(ctx: Ctx) {
  const { secret } = await startEnrolment(ctx)
  const { recoveryCodes } = await confirmEnrolment(ctx, { code: codeAt(secret, Date.now() - STEP_MS) })
  return { secret, recoveryCodes }
}

const audits = (o: TestOrg, action: string) => o.db.select().from(auditEvents)
  .where(and(eq(auditEvents.organizationId, o.org.id), eq(auditEvents.action, action)))

describe('enrolment', () => {
  it('a new secret is shown as QR and text, stored sealed, and in force only after a matching code', async () => {
    const o = await makeOrg()
    const started = await startEnrolment(o.agent)
    expect(started.secret).toMatch(/^[A-Z2-7]{32}$/)
    expect(started.uri).toContain(`secret=${started.secret}`)
    expect(started.uri).toContain(encodeURIComponent(o.agent.user.email))
    expect(started.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/)
    const [row] = await o.db.select().from(userTwoFactor).where(eq(userTwoFactor.userId, o.agent.user.id))
    expect(row.secret).not.toContain(started.secret)
    expect(unseal(row.secret)).toBe(started.secret)
    expect(row.enabledAt).toBeNull()
    expect(await isTwoFactorEnabled(o.db, o.agent.user.id)).toBe(false)

    const wrong = codeAt(started.secret, Date.now() + 10 * STEP_MS)
    await expect(confirmEnrolment(o.agent, { code: wrong })).rejects.toBeInstanceOf(ValidationError)
    await expect(confirmEnrolment(o.agent, { code: 'abc' })).rejects.toThrow()
    expect(await isTwoFactorEnabled(o.db, o.agent.user.id)).toBe(false)

    const { recoveryCodes } = await confirmEnrolment(o.agent, { code: codeAt(started.secret) })
    expect(recoveryCodes).toHaveLength(10)
    expect(new Set(recoveryCodes).size).toBe(10)
    for (const c of recoveryCodes) expect(c).toMatch(/^[2-9A-Z]{5}-[2-9A-Z]{5}$/)
    expect(await isTwoFactorEnabled(o.db, o.agent.user.id)).toBe(true)
    expect(await getTwoFactorStatus(o.agent)).toMatchObject({ enabled: true, recoveryCodesLeft: 10, links: [] })
    const [event] = await audits(o, 'two_factor.enabled')
    expect(event).toMatchObject({ actorId: o.agent.user.id, entityType: 'user', entityId: o.agent.user.id, changes: { twoFactor: [false, true] } })
  })

  it('cannot be started again or confirmed twice while on; each person sees only their own state', async () => {
    const o = await makeOrg()
    const { secret } = await enrol(o.agent)
    await expect(startEnrolment(o.agent)).rejects.toBeInstanceOf(ConflictError)
    await expect(confirmEnrolment(o.agent, { code: codeAt(secret) })).rejects.toBeInstanceOf(ConflictError)
    await expect(confirmEnrolment(o.agent2, { code: codeAt(secret) })).rejects.toBeInstanceOf(ConflictError)
    expect(await getTwoFactorStatus(o.agent2)).toMatchObject({ enabled: false, recoveryCodesLeft: 0 })
  })
})

describe('the second step of signing in', () => {
  it('a current code passes once; the same code again is refused (replay), a later step passes', async () => {
    const o = await makeOrg()
    const { secret } = await enrol(o.agent)
    const me = o.agent.user.id
    const code = codeAt(secret)
    expect(await verifySecondFactor(o.db, me, code, ip())).toEqual({ ok: true, method: 'totp' })
    expect(await verifySecondFactor(o.db, me, code, ip())).toEqual({ ok: false, reason: 'invalid' })
    // The earlier step's code (used at enrolment, and older than the last accepted) stays refused.
    expect(await verifySecondFactor(o.db, me, codeAt(secret, Date.now() - STEP_MS), ip())).toEqual({ ok: false, reason: 'invalid' })
    // Within the drift window, the next step's code is still accepted once.
    expect(await verifySecondFactor(o.db, me, codeAt(secret, Date.now() + STEP_MS), ip())).toEqual({ ok: true, method: 'totp' })
    expect(await verifySecondFactor(o.db, me, '000000', ip())).toEqual({ ok: false, reason: 'invalid' })
    // Another person's code is not this person's.
    const other = await enrol(o.agent2)
    expect(await verifySecondFactor(o.db, me, codeAt(other.secret, Date.now() + 2 * STEP_MS), ip())).toEqual({ ok: false, reason: 'invalid' })
  })

  it('a recovery code works once, typed in any case and spacing, and only for its owner', async () => {
    const o = await makeOrg()
    const { recoveryCodes } = await enrol(o.agent)
    await enrol(o.agent2)
    const [first, second] = recoveryCodes
    expect(await verifySecondFactor(o.db, o.agent2.user.id, first, ip())).toEqual({ ok: false, reason: 'invalid' })
    expect(await verifySecondFactor(o.db, o.agent.user.id, ` ${first.toLowerCase().replace('-', ' ')} `, ip())).toEqual({ ok: true, method: 'recovery' })
    expect(await verifySecondFactor(o.db, o.agent.user.id, first, ip())).toEqual({ ok: false, reason: 'invalid' })
    expect(await verifySecondFactor(o.db, o.agent.user.id, second, ip())).toEqual({ ok: true, method: 'recovery' })
    expect((await getTwoFactorStatus(o.agent)).recoveryCodesLeft).toBe(8)
  })

  it(`${LOCKOUT.perAccount} wrong codes lock the second step, even against the right code; the password lockout is separate`, async () => {
    const o = await makeOrg()
    const { secret } = await enrol(o.agent)
    const from = ip()
    for (let i = 0; i < LOCKOUT.perAccount; i++) expect(await verifySecondFactor(o.db, o.agent.user.id, `99999${i}`, from)).toMatchObject({ ok: false, reason: 'invalid' })
    expect(await verifySecondFactor(o.db, o.agent.user.id, codeAt(secret), ip())).toEqual({ ok: false, reason: 'locked', retryAfterMinutes: LOCKOUT.windowMinutes })
    // A recovery code is no way around it either.
    expect(await verifySecondFactor(o.db, o.agent.user.id, 'AAAAA-AAAAA', ip())).toMatchObject({ reason: 'locked' })
    // Failures recorded for another person's key do not lock this one.
    for (let i = 0; i < LOCKOUT.perAccount; i++) await recordAttempt(o.db, secondFactorKey(o.agent2.user.id), ip(), false)
    const other = await enrol(o.agent2)
    expect(await verifySecondFactor(o.db, o.agent2.user.id, codeAt(other.secret), ip())).toMatchObject({ reason: 'locked' })
    const third = await enrol(o.admin)
    expect(await verifySecondFactor(o.db, o.admin.user.id, codeAt(third.secret), ip())).toEqual({ ok: true, method: 'totp' })
  })

  it('someone without two-factor has no second step', async () => {
    const o = await makeOrg()
    expect(await verifySecondFactor(o.db, o.requester.user.id, '123456', ip())).toEqual({ ok: false, reason: 'not_enrolled' })
    await startEnrolment(o.requester) // started, never confirmed: still not enrolled
    expect(await verifySecondFactor(o.db, o.requester.user.id, '123456', ip())).toEqual({ ok: false, reason: 'not_enrolled' })
  })
})

describe('turning two-factor off', () => {
  it('needs a current code or the password; it is audited and removes the recovery codes', async () => {
    const o = await makeOrg()
    const db = o.db
    const email = `pw-${uid()}@t.test`
    const user = await addMember(o.admin, { email, role: 'agent', password: 'correct horse battery' })
    const me = await loadCtx(db, user.id, o.org.slug, ip())
    const { secret } = await enrol(me)
    await expect(disableTwoFactor(me, { password: 'wrong password' })).rejects.toBeInstanceOf(ValidationError)
    await expect(disableTwoFactor(me, { code: '000000' })).rejects.toBeInstanceOf(ValidationError)
    await expect(disableTwoFactor(me, {})).rejects.toThrow()
    expect(await isTwoFactorEnabled(db, user.id)).toBe(true)
    expect(await disableTwoFactor(me, { code: codeAt(secret) })).toEqual({ disabled: true })
    expect(await getTwoFactorStatus(me)).toMatchObject({ enabled: false, recoveryCodesLeft: 0 })
    const [event] = await audits(o, 'two_factor.disabled')
    expect(event).toMatchObject({ actorId: user.id, entityId: user.id, changes: { twoFactor: [true, false] } })

    await enrol(me)
    expect(await disableTwoFactor(me, { password: 'correct horse battery' })).toEqual({ disabled: true })
    expect(await isTwoFactorEnabled(db, user.id)).toBe(false)
  })
})

describe('org setting: require two-factor for staff', () => {
  it('only admins set it, only once they have two-factor themselves; it is audited', async () => {
    const o = await makeOrg()
    for (const ctx of [o.agent, o.requester]) await expect(setRequireStaffTwoFactor(ctx, { required: true })).rejects.toBeInstanceOf(ForbiddenError)
    await expect(setRequireStaffTwoFactor(o.admin, { required: true })).rejects.toBeInstanceOf(ConflictError)
    await enrol(o.admin)
    expect(await setRequireStaffTwoFactor(o.admin, { required: 'on' })).toEqual({ changed: true })
    expect(await setRequireStaffTwoFactor(o.admin, { required: true })).toEqual({ changed: false })
    const [event] = await audits(o, 'two_factor_requirement.changed')
    expect(event).toMatchObject({ actorId: o.admin.user.id, actorRole: 'admin', entityType: 'organization', entityId: o.org.id, changes: { requireStaffTwoFactor: [false, true] } })
    // Another org's admin cannot even reach this org's settings.
    const other = await makeOrg()
    await expect(loadCtx(o.db, other.admin.user.id, o.org.slug)).rejects.toBeInstanceOf(NotMemberError)
    expect((await other.reload(other.admin)).org.settings.requireStaffTwoFactor).toBeUndefined()
  })

  it('staff without two-factor must enrol; requesters, enrolled staff and other orgs are unaffected', async () => {
    const o = await makeOrg()
    const other = await makeOrg()
    await enrol(o.admin)
    await enrol(o.agent2)
    await setRequireStaffTwoFactor(o.admin, { required: true })
    expect((await o.reload(o.agent)).mustEnrolTwoFactor).toBe(true)
    expect((await o.reload(o.requester)).mustEnrolTwoFactor).toBeUndefined()
    expect((await o.reload(o.agent2)).mustEnrolTwoFactor).toBeUndefined()
    expect((await o.reload(o.admin)).mustEnrolTwoFactor).toBeUndefined()
    expect((await other.reload(other.agent)).mustEnrolTwoFactor).toBeUndefined()
    // Staff cannot turn it off while their org requires it; a requester can.
    const agent2 = await o.reload(o.agent2)
    await expect(disableTwoFactor(agent2, { password: 'whatever' })).rejects.toBeInstanceOf(ForbiddenError)
    // Enrolling clears the requirement for that person.
    const agent = await o.reload(o.agent)
    await enrol(agent)
    expect((await o.reload(o.agent)).mustEnrolTwoFactor).toBeUndefined()
    // Switched off again: nobody is held.
    expect(await setRequireStaffTwoFactor(o.admin, { required: false })).toEqual({ changed: true })
    const fresh = await addMember(o.admin, { email: `late-${uid()}@t.test`, role: 'agent' })
    expect((await loadCtx(o.db, fresh.id, o.org.slug)).mustEnrolTwoFactor).toBeUndefined()
  })
})
