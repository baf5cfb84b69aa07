import 'server-only'
import { asc, count, eq, and, isNotNull } from 'drizzle-orm'
import { categories, routingRules, slaPolicies, tickets } from '@/db/schema'
import type { Ctx } from '@/lib/auth/ctx-type'
import { authorize } from '@/lib/authz/can'
import { dbFor } from '@/lib/db/tx'

/** Every category of the org in the admin's order, active or not, with what uses it (three grouped counts). */
export async function listCategorySettings(ctx: Ctx) {
  authorize(ctx, 'settings:manage')
  const db = await dbFor(ctx)
  const org = ctx.org.id
  const [rows, t, r, p] = await Promise.all([
    db.select().from(categories).where(eq(categories.organizationId, org)).orderBy(asc(categories.position), asc(categories.name)),
    db.select({ id: tickets.categoryId, n: count() }).from(tickets)
      .where(and(eq(tickets.organizationId, org), isNotNull(tickets.categoryId))).groupBy(tickets.categoryId),
    db.select({ id: routingRules.categoryId, n: count() }).from(routingRules)
      .where(and(eq(routingRules.organizationId, org), isNotNull(routingRules.categoryId))).groupBy(routingRules.categoryId),
    db.select({ id: slaPolicies.categoryId, n: count() }).from(slaPolicies)
      .where(and(eq(slaPolicies.organizationId, org), isNotNull(slaPolicies.categoryId))).groupBy(slaPolicies.categoryId),
  ])
  const n = (list: { id: string | null; n: number }[], id: string) => list.find((x) => x.id === id)?.n ?? 0
  return rows.map((c) => ({
    id: c.id, name: c.name, sensitive: c.sensitive, active: c.active, position: c.position,
    usage: { tickets: n(t, c.id), rules: n(r, c.id), policies: n(p, c.id) },
  }))
}
export type CategorySetting = Awaited<ReturnType<typeof listCategorySettings>>[number]
