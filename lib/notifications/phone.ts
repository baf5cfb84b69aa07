import 'server-only'
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import { users } from '@/db/schema'
import type { Ctx } from '@/lib/auth/ctx-type'
import { recordAudit } from '@/lib/audit/record'
import { dbFor, withTx } from '@/lib/db/tx'
import { PhoneInput } from './schemas'

/** The caller's own phone number (their profile), for texts through the org's SMS/WhatsApp webhook. */
export async function getMyPhone(ctx: Ctx): Promise<string | null> {
  const db = await dbFor(ctx)
  const [u] = await db.select({ phone: users.phone }).from(users).where(eq(users.id, ctx.user.id))
  return u?.phone ?? null
}

/** Sets or clears the caller's own phone number; audited, since it decides where texts go. */
export async function saveMyPhone(ctx: Ctx, raw: z.input<typeof PhoneInput>) {
  const { phone } = PhoneInput.parse(raw)
  return withTx(ctx, async (tx) => {
    const [before] = await tx.select({ phone: users.phone }).from(users).where(eq(users.id, ctx.user.id)).for('update')
    if ((before?.phone ?? null) === phone) return { phone }
    await tx.update(users).set({ phone }).where(eq(users.id, ctx.user.id))
    // The number itself stays out of the append-only log: it says that it changed, not to what.
    await recordAudit(tx, ctx, { entityType: 'user', entityId: ctx.user.id, action: 'user.phone_changed', changes: { phone: [before?.phone ? 'set' : null, phone ? 'set' : null] } })
    return { phone }
  })
}
