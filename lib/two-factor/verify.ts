import 'server-only'
import { and, eq, isNotNull, isNull, lt } from 'drizzle-orm'
import { twoFactorRecoveryCodes, userTwoFactor } from '@/db/schema'
import type { DbOrTx } from '@/db/client'
import { checkLockout, recordAttempt } from '@/lib/auth/rate-limit'
import { hashRecoveryCode, normaliseRecoveryCode } from './recovery'
import { unseal } from './seal'
import { matchStep } from './totp'

export type SecondFactorResult =
  | { ok: true; method: 'totp' | 'recovery' }
  | { ok: false; reason: 'invalid' | 'not_enrolled' }
  | { ok: false; reason: 'locked'; retryAfterMinutes: number }

/** Whether signing in as this person asks for a second factor. */
export async function isTwoFactorEnabled(db: DbOrTx, userId: string): Promise<boolean> {
  const [row] = await db.select({ userId: userTwoFactor.userId }).from(userTwoFactor)
    .where(and(eq(userTwoFactor.userId, userId), isNotNull(userTwoFactor.enabledAt))).limit(1)
  return !!row
}

/**
 * Accepts the code only for a step after the last accepted one, in one conditional update,
 * so the same code cannot be used twice (nor raced twice) within its window.
 */
async function acceptTotp(db: DbOrTx, userId: string, sealedSecret: string, code: string): Promise<boolean> {
  const secret = unseal(sealedSecret)
  const step = secret ? matchStep(secret, code) : null
  if (step === null) return false
  const used = await db.update(userTwoFactor).set({ lastStep: step })
    .where(and(eq(userTwoFactor.userId, userId), lt(userTwoFactor.lastStep, step))).returning({ userId: userTwoFactor.userId })
  return used.length === 1
}

async function spendRecoveryCode(db: DbOrTx, userId: string, code: string): Promise<boolean> {
  if (normaliseRecoveryCode(code).length !== 10) return false
  const used = await db.update(twoFactorRecoveryCodes).set({ usedAt: new Date() })
    .where(and(eq(twoFactorRecoveryCodes.userId, userId), eq(twoFactorRecoveryCodes.codeHash, hashRecoveryCode(code)), isNull(twoFactorRecoveryCodes.usedAt)))
    .returning({ id: twoFactorRecoveryCodes.id })
  return used.length === 1
}

/** The attempts key of a person's second step: its own lockout, apart from the password's. */
export const secondFactorKey = (userId: string) => `2fa:${userId}`

/**
 * The second step of signing in (and of turning two-factor off): a current app code or an
 * unused recovery code. Failures count towards the same lockout as passwords (per account
 * and per address, lib/auth/rate-limit.ts), so six digits cannot be guessed.
 */
export async function verifySecondFactor(db: DbOrTx, userId: string, rawCode: string, ip: string): Promise<SecondFactorResult> {
  const key = secondFactorKey(userId)
  const lockout = await checkLockout(db, key, ip)
  if (lockout.locked) return { ok: false, reason: 'locked', retryAfterMinutes: lockout.retryAfterMinutes }
  const [row] = await db.select().from(userTwoFactor).where(and(eq(userTwoFactor.userId, userId), isNotNull(userTwoFactor.enabledAt))).limit(1)
  if (!row) return { ok: false, reason: 'not_enrolled' }
  const code = rawCode.trim().replace(/\s+/g, '')
  const method = /^\d{6}$/.test(code) ? 'totp' : 'recovery'
  const ok = method === 'totp' ? await acceptTotp(db, userId, row.secret, code) : await spendRecoveryCode(db, userId, code)
  await recordAttempt(db, key, ip, ok)
  return ok ? { ok: true, method } : { ok: false, reason: 'invalid' }
}
