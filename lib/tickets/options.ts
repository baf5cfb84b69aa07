import 'server-only'
import { and, asc, eq } from 'drizzle-orm'
import { categories } from '@/db/schema'
import { dbFor } from '@/lib/db/tx'
import type { Ctx } from '@/lib/auth/ctx-type'

/** Active categories for pickers, in the admin's order; requesters see them too (to file tickets). */
export async function listCategories(ctx: Ctx) {
  const db = await dbFor(ctx)
  return db.select({ id: categories.id, name: categories.name, sensitive: categories.sensitive }).from(categories)
    .where(and(eq(categories.organizationId, ctx.org.id), eq(categories.active, true))).orderBy(asc(categories.position), asc(categories.name))
}

