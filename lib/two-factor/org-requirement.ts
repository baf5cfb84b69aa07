import 'server-only'
import { eq, sql } from 'drizzle-orm'
import { organizations } from '@/db/schema'
import type { Ctx } from '@/lib/auth/ctx-type'
import { recordAudit } from '@/lib/audit/record'
import { authorize } from '@/lib/authz/can'
import { withTx } from '@/lib/db/tx'
import { ConflictError } from '@/lib/errors'
import { hasTwoFactor } from './enrol'
import { RequireStaffTwoFactorInput } from './schemas'

/**
 * Org setting (issue 18): staff without two-factor are sent to set it up before any staff
 * page or action. The admin turning it on must have it already, so they cannot lock
 * themselves into the enrolment page by surprise.
 */
export async function setRequireStaffTwoFactor(ctx: Ctx, raw: unknown): Promise<{ changed: boolean }> {
  authorize(ctx, 'settings:manage')
  const { required } = RequireStaffTwoFactorInput.parse(raw)
  if (required && !(await hasTwoFactor(ctx))) throw new ConflictError('Turn on two-factor sign-in for yourself first (your security page), then require it for staff.')
  return withTx(ctx, async (tx) => {
    const [org] = await tx.select({ settings: organizations.settings }).from(organizations).where(eq(organizations.id, ctx.org.id)).for('update')
    const before = !!org?.settings.requireStaffTwoFactor
    if (before === required) return { changed: false }
    await tx.update(organizations).set({ settings: sql`${organizations.settings} || ${JSON.stringify({ requireStaffTwoFactor: required })}::jsonb` })
      .where(eq(organizations.id, ctx.org.id))
    await recordAudit(tx, ctx, { entityType: 'organization', entityId: ctx.org.id, action: 'two_factor_requirement.changed', changes: { requireStaffTwoFactor: [before, required] } })
    return { changed: true }
  })
}
