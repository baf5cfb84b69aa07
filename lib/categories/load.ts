import 'server-only'
import { and, count, eq } from 'drizzle-orm'
import { categories, routingRules, slaPolicies, tickets } from '@/db/schema'
import type { DbOrTx } from '@/db/client'
import { ConflictError, NotFoundError } from '@/lib/errors'

export type CategoryRow = typeof categories.$inferSelect

/** A category of the organisation, locked for the change when asked; another org's id is "not found". */
export async function loadCategory(tx: DbOrTx, orgId: string, categoryId: string, opts: { lock?: boolean } = {}): Promise<CategoryRow> {
  const q = tx.select().from(categories).where(and(eq(categories.organizationId, orgId), eq(categories.id, categoryId))).limit(1)
  const [row] = opts.lock ? await q.for('no key update') : await q
  if (!row) throw new NotFoundError('That category was not found')
  return row
}

export type CategoryUsage = { tickets: number; rules: number; policies: number }

/**
 * What refers to a category. Tickets count whether open, closed or soft-deleted: a deleted
 * ticket can be restored, and its history must still name its category.
 */
export async function categoryUsage(tx: DbOrTx, orgId: string, categoryId: string): Promise<CategoryUsage> {
  const [[t], [r], [p]] = await Promise.all([
    tx.select({ n: count() }).from(tickets).where(and(eq(tickets.organizationId, orgId), eq(tickets.categoryId, categoryId))),
    tx.select({ n: count() }).from(routingRules).where(and(eq(routingRules.organizationId, orgId), eq(routingRules.categoryId, categoryId))),
    tx.select({ n: count() }).from(slaPolicies).where(and(eq(slaPolicies.organizationId, orgId), eq(slaPolicies.categoryId, categoryId))),
  ])
  return { tickets: t.n, rules: r.n, policies: p.n }
}

export const nameTaken = (name: string) => new ConflictError('Name taken', { name: [`There is already a category called “${name}”`] })
