import 'server-only'
import { eq } from 'drizzle-orm'
import { twoFactorRecoveryCodes, userTwoFactor, users } from '@/db/schema'
import type { Ctx } from '@/lib/auth/ctx-type'
import { verifyPassword } from '@/lib/auth/password'
import { recordAudit } from '@/lib/audit/record'
import { isStaffRole } from '@/lib/authz/permissions'
import { dbFor, withTx } from '@/lib/db/tx'
import { ForbiddenError, RateLimitedError, ValidationError } from '@/lib/errors'
import { DisableTwoFactorInput } from './schemas'
import { verifySecondFactor } from './verify'

/**
 * Turns the caller's two-factor off after proving them again: a current code (or an unused
 * recovery code, through the same lockout as sign-in) or their password. Staff of an org that
 * requires two-factor cannot turn it off there.
 */
export async function disableTwoFactor(ctx: Ctx, raw: unknown): Promise<{ disabled: true }> {
  const input = DisableTwoFactorInput.parse(raw)
  if (ctx.org.settings.requireStaffTwoFactor && isStaffRole(ctx.role)) {
    throw new ForbiddenError(`${ctx.org.name} requires two-factor sign-in for staff, so it cannot be turned off here.`)
  }
  const db = await dbFor(ctx)
  if (input.code) {
    const result = await verifySecondFactor(db, ctx.user.id, input.code, ctx.ip ?? 'unknown')
    if (!result.ok && result.reason === 'locked') throw new RateLimitedError(`Too many wrong codes. Try again in ${result.retryAfterMinutes} minutes.`, result.retryAfterMinutes * 60)
    if (!result.ok) throw new ValidationError('That code is not valid', { code: ['That code is not valid (or was already used).'] })
  } else {
    const [user] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, ctx.user.id))
    if (!(await verifyPassword(input.password, user?.passwordHash ?? null))) throw new ValidationError('Wrong password', { password: ['Wrong password.'] })
  }
  return withTx(ctx, async (tx) => {
    await tx.delete(twoFactorRecoveryCodes).where(eq(twoFactorRecoveryCodes.userId, ctx.user.id))
    await tx.delete(userTwoFactor).where(eq(userTwoFactor.userId, ctx.user.id))
    await recordAudit(tx, ctx, { entityType: 'user', entityId: ctx.user.id, action: 'two_factor.disabled', changes: { twoFactor: [true, false] } })
    return { disabled: true as const }
  })
}
