import 'server-only'
import { dbFor, withTx } from '@/lib/db/tx'
import { and, asc, count, eq, ne } from 'drizzle-orm'
import { z } from 'zod'
import { memberships, organizations, users } from '@/db/schema'
import { type DbOrTx } from '@/db/client'
import type { Ctx } from '@/lib/auth/ctx-type'
import { authorize } from '@/lib/authz/can'
import { recordAudit } from '@/lib/audit/record'
import { ConflictError, NotFoundError, ValidationError } from '@/lib/errors'
import { createUser, findUserByEmail } from '@/lib/users/create-user'
import { AddMemberInput, ChangeRoleInput, SetActiveInput } from './schemas'

export async function listMembers(ctx: Ctx) {
  authorize(ctx, 'members:list')
  const db = await dbFor(ctx)
  return db.select({ userId: users.id, email: users.email, name: users.name, role: memberships.role, active: memberships.active, since: memberships.createdAt })
    .from(memberships).innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organizationId, ctx.org.id)).orderBy(asc(users.name))
}

/** Adds an existing account by email, or creates one (§2). */
export async function addMember(ctx: Ctx, raw: z.input<typeof AddMemberInput>) {
  authorize(ctx, 'members:manage')
  const input = AddMemberInput.parse(raw)
  return withTx(ctx, async (tx) => {
    let user = await findUserByEmail(tx, input.email)
    if (!user) user = await createUser(tx, { email: input.email, name: input.name || input.email.split('@')[0], password: input.password })
    const [existing] = await tx.select().from(memberships)
      .where(and(eq(memberships.organizationId, ctx.org.id), eq(memberships.userId, user.id)))
    if (existing) throw new ConflictError('Already a member', { email: [`${user.email} is already a member${existing.active ? '' : ' (deactivated — reactivate them instead)'}`] })
    await tx.insert(memberships).values({ organizationId: ctx.org.id, userId: user.id, role: input.role })
    await recordAudit(tx, ctx, { entityType: 'membership', entityId: user.id, action: 'member.added', changes: { email: [null, user.email], role: [null, input.role] } })
    return user
  })
}

async function loadMember(tx: DbOrTx, ctx: Ctx, userId: string) {
  const [m] = await tx.select().from(memberships)
    .where(and(eq(memberships.organizationId, ctx.org.id), eq(memberships.userId, userId))).for('update')
  if (!m) throw new NotFoundError('That member was not found')
  return m
}

/** An organisation must always keep one active admin, so nobody can lock everyone out. */
async function assertAnotherAdmin(tx: DbOrTx, ctx: Ctx, userId: string) {
  // Serialise admin removals per org: otherwise two admins demoting each other at once each
  // see the other still active and both commit, leaving none (write skew under READ COMMITTED).
  // NO KEY UPDATE does not block the FOR KEY SHARE locks that foreign-key checks take.
  await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, ctx.org.id)).for('no key update')
  const [row] = await tx.select({ n: count() }).from(memberships).where(and(
    eq(memberships.organizationId, ctx.org.id), eq(memberships.role, 'admin'), eq(memberships.active, true), ne(memberships.userId, userId),
  ))
  if (row.n === 0) throw new ValidationError('The organisation needs at least one active admin', { role: ['The organisation needs at least one active admin'] })
}

export async function changeRole(ctx: Ctx, raw: z.input<typeof ChangeRoleInput>) {
  authorize(ctx, 'members:manage')
  const input = ChangeRoleInput.parse(raw)
  return withTx(ctx, async (tx) => {
    const m = await loadMember(tx, ctx, input.userId)
    if (m.role === input.role) return
    if (m.role === 'admin') await assertAnotherAdmin(tx, ctx, m.userId)
    await tx.update(memberships).set({ role: input.role })
      .where(and(eq(memberships.organizationId, ctx.org.id), eq(memberships.userId, m.userId)))
    await recordAudit(tx, ctx, { entityType: 'membership', entityId: m.userId, action: 'member.role_changed', changes: { role: [m.role, input.role] } })
  })
}

/** Deactivation keeps history intact (tickets, comments) but ends access at once: every request re-checks membership. */
export async function setMemberActive(ctx: Ctx, raw: z.input<typeof SetActiveInput>) {
  authorize(ctx, 'members:manage')
  const input = SetActiveInput.parse(raw)
  return withTx(ctx, async (tx) => {
    const m = await loadMember(tx, ctx, input.userId)
    if (m.active === input.active) return
    if (!input.active && m.role === 'admin') await assertAnotherAdmin(tx, ctx, m.userId)
    await tx.update(memberships).set({ active: input.active })
      .where(and(eq(memberships.organizationId, ctx.org.id), eq(memberships.userId, m.userId)))
    await recordAudit(tx, ctx, { entityType: 'membership', entityId: m.userId, action: input.active ? 'member.reactivated' : 'member.deactivated', changes: { active: [m.active, input.active] } })
  })
}
