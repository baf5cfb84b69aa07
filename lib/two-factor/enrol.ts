import 'server-only'
import { and, count, eq, isNotNull, isNull } from 'drizzle-orm'
import QRCode from 'qrcode'
import { oauthAccounts, twoFactorRecoveryCodes, userTwoFactor } from '@/db/schema'
import type { Ctx } from '@/lib/auth/ctx-type'
import { recordAudit } from '@/lib/audit/record'
import { dbFor, withTx } from '@/lib/db/tx'
import { ConflictError, ValidationError } from '@/lib/errors'
import { hashRecoveryCode, newRecoveryCodes } from './recovery'
import { ConfirmEnrolmentInput } from './schemas'
import { seal, unseal } from './seal'
import { matchStep, newSecret, otpauthUri } from './totp'

export type TwoFactorStatus = {
  enabled: boolean
  enabledAt: Date | null
  recoveryCodesLeft: number
  /** Sign-in providers linked to this account (OAuth), for the security page. */
  links: { provider: string; email: string; createdAt: Date }[]
}

/** The caller's own two-factor state; nobody can read another person's. */
export async function getTwoFactorStatus(ctx: Ctx): Promise<TwoFactorStatus> {
  const db = await dbFor(ctx)
  const userId = ctx.user.id
  const [[row], [left], links] = await Promise.all([
    db.select({ enabledAt: userTwoFactor.enabledAt }).from(userTwoFactor).where(eq(userTwoFactor.userId, userId)),
    db.select({ n: count() }).from(twoFactorRecoveryCodes).where(and(eq(twoFactorRecoveryCodes.userId, userId), isNull(twoFactorRecoveryCodes.usedAt))),
    db.select({ provider: oauthAccounts.provider, email: oauthAccounts.email, createdAt: oauthAccounts.createdAt }).from(oauthAccounts)
      .where(eq(oauthAccounts.userId, userId)).orderBy(oauthAccounts.createdAt),
  ])
  const enabledAt = row?.enabledAt ?? null
  return { enabled: !!enabledAt, enabledAt, recoveryCodesLeft: enabledAt ? left.n : 0, links }
}

export type Enrolment = { secret: string; uri: string; qrSvg: string }

/**
 * Starts (or restarts) setting up an authenticator app for the caller: a new secret, not yet
 * in force. Nothing changes for sign-in until confirmEnrolment proves the app has it.
 */
export async function startEnrolment(ctx: Ctx): Promise<Enrolment> {
  const secret = newSecret()
  await withTx(ctx, async (tx) => {
    const [row] = await tx.select({ enabledAt: userTwoFactor.enabledAt }).from(userTwoFactor).where(eq(userTwoFactor.userId, ctx.user.id)).for('update')
    if (row?.enabledAt) throw new ConflictError('Two-factor sign-in is already on. Turn it off first to move it to another app.')
    await tx.insert(userTwoFactor).values({ userId: ctx.user.id, secret: seal(secret) })
      .onConflictDoUpdate({ target: userTwoFactor.userId, set: { secret: seal(secret), lastStep: 0, createdAt: new Date() } })
  })
  const uri = otpauthUri(secret, ctx.user.email)
  const qrSvg = await QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
  return { secret, uri, qrSvg }
}

/**
 * Turns two-factor on once a code from the app matches the pending secret, and returns the
 * ten recovery codes: shown this once, stored only as hashes.
 */
export async function confirmEnrolment(ctx: Ctx, raw: unknown): Promise<{ recoveryCodes: string[] }> {
  const { code } = ConfirmEnrolmentInput.parse(raw)
  return withTx(ctx, async (tx) => {
    const [row] = await tx.select().from(userTwoFactor).where(eq(userTwoFactor.userId, ctx.user.id)).for('update')
    if (!row) throw new ConflictError('Start setting up two-factor sign-in first.')
    if (row.enabledAt) throw new ConflictError('Two-factor sign-in is already on.')
    const secret = unseal(row.secret)
    const step = secret ? matchStep(secret, code) : null
    if (step === null) throw new ValidationError('That code does not match', { code: ['That code does not match. Check the time on your phone and try the next code.'] })
    const recoveryCodes = newRecoveryCodes()
    await tx.update(userTwoFactor).set({ enabledAt: new Date(), lastStep: step }).where(eq(userTwoFactor.userId, ctx.user.id))
    await tx.delete(twoFactorRecoveryCodes).where(eq(twoFactorRecoveryCodes.userId, ctx.user.id))
    await tx.insert(twoFactorRecoveryCodes).values(recoveryCodes.map((c) => ({ userId: ctx.user.id, codeHash: hashRecoveryCode(c) })))
    await recordAudit(tx, ctx, { entityType: 'user', entityId: ctx.user.id, action: 'two_factor.enabled', changes: { twoFactor: [false, true] } })
    return { recoveryCodes }
  })
}

/** Whether the caller has two-factor on (the org requirement's test). */
export async function hasTwoFactor(ctx: Ctx): Promise<boolean> {
  const db = await dbFor(ctx)
  const [row] = await db.select({ userId: userTwoFactor.userId }).from(userTwoFactor)
    .where(and(eq(userTwoFactor.userId, ctx.user.id), isNotNull(userTwoFactor.enabledAt)))
  return !!row
}
