import 'server-only'
import { and, asc, eq, inArray } from 'drizzle-orm'
import { categories, memberships, users } from '@/db/schema'
import { getDb } from '@/db/client'
import type { Ctx } from '@/lib/auth/ctx-type'
import { authorize } from '@/lib/authz/can'

/** Active categories for pickers; requesters see them too (to file tickets). */
export async function listCategories(ctx: Ctx) {
  const db = await getDb()
  return db.select({ id: categories.id, name: categories.name, sensitive: categories.sensitive }).from(categories)
    .where(and(eq(categories.organizationId, ctx.org.id), eq(categories.active, true))).orderBy(asc(categories.name))
}

/** Active agents and admins of the org: the assignee picker. */
export async function listAssignableAgents(ctx: Ctx) {
  authorize(ctx, 'ticket:assign')
  const db = await getDb()
  return db.select({ id: users.id, name: users.name, email: users.email, role: memberships.role }).from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, ctx.org.id), eq(memberships.active, true), inArray(memberships.role, ['agent', 'admin'])))
    .orderBy(asc(users.name))
}
