import 'server-only'
import { and, asc, eq } from 'drizzle-orm'
import { z } from 'zod'
import { memberships, users } from '@/db/schema'
import { dbFor, withTx } from '@/lib/db/tx'
import type { Ctx } from '@/lib/auth/ctx-type'
import { authorize } from '@/lib/authz/can'
import { recordAudit } from '@/lib/audit/record'
import { ConflictError } from '@/lib/errors'
import { createUser, findUserByEmail } from '@/lib/users/create-user'
import { AddCallerInput, CallerSearch } from './schemas'
import { memberMatches, memberNameKey } from './search-members'

const CALLER_RESULTS = 20

/**
 * Who a ticket can be logged for (§3, on behalf of a requester): this organisation's active
 * members by name or email, for staff who may create on behalf. Never another org's people.
 */
export async function searchCallers(ctx: Ctx, raw: unknown) {
  authorize(ctx, 'ticket:create_on_behalf')
  const { q } = CallerSearch.parse(raw ?? {})
  const db = await dbFor(ctx)
  return db.select({ userId: memberships.userId, name: memberships.name, email: memberships.email, role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.organizationId, ctx.org.id), eq(memberships.active, true), memberMatches(q)))
    .orderBy(asc(memberNameKey), asc(memberships.userId)).limit(CALLER_RESULTS)
}

/**
 * Adds a caller as a requester of this organisation, so a ticket can be logged for them at
 * once. Staff may do this (not only admins: the phone desk meets new callers all day), but
 * only ever with the requester role, audited as any new membership. Someone already a member
 * is refused with a pointer to the search; an existing account from elsewhere joins as is.
 */
export async function addCaller(ctx: Ctx, raw: z.input<typeof AddCallerInput>) {
  authorize(ctx, 'ticket:create_on_behalf')
  const input = AddCallerInput.parse(raw)
  return withTx(ctx, async (tx) => {
    let user = await findUserByEmail(tx, input.email)
    if (user) {
      const [existing] = await tx.select({ active: memberships.active }).from(memberships)
        .where(and(eq(memberships.organizationId, ctx.org.id), eq(memberships.userId, user.id)))
      if (existing) {
        throw new ConflictError('Already a member', {
          email: [existing.active ? `${user.email} is already a member: find them in the search` : `${user.email} is a deactivated member; an admin can reactivate them`],
        })
      }
    } else {
      user = await createUser(tx, { email: input.email, name: input.name })
      // A phone number given on the call is the person's own (the SMS channel, §10); an existing
      // account keeps what its owner set.
      if (input.phone) await tx.update(users).set({ phone: input.phone }).where(eq(users.id, user.id))
    }
    await tx.insert(memberships).values({ organizationId: ctx.org.id, userId: user.id, role: 'requester' })
    await recordAudit(tx, ctx, {
      entityType: 'membership', entityId: user.id, action: 'member.added',
      changes: { email: [null, user.email], role: [null, 'requester'], via: [null, 'caller'] },
    })
    return { userId: user.id, name: user.name, email: user.email }
  })
}
