import 'server-only'
import { and, asc, eq, sql } from 'drizzle-orm'
import { z } from 'zod'
import { categories } from '@/db/schema'
import type { DbOrTx } from '@/db/client'
import type { Ctx } from '@/lib/auth/ctx-type'
import { authorize } from '@/lib/authz/can'
import { diff, recordAudit } from '@/lib/audit/record'
import { withTx } from '@/lib/db/tx'
import { ConflictError } from '@/lib/errors'
import { isUniqueViolation } from '@/lib/teams/load'
import { categoryUsage, loadCategory, nameTaken } from './load'
import { CategoryRefInput, CreateCategoryInput, MoveCategoryInput, SetCategoryActiveInput, UpdateCategoryInput } from './schemas'

// Categories are settings (§2): admins only, every change audited in its transaction.

async function assertNameFree(tx: DbOrTx, orgId: string, name: string, exceptId?: string) {
  const [other] = await tx.select({ id: categories.id }).from(categories)
    .where(and(eq(categories.organizationId, orgId), sql`lower(${categories.name}) = lower(${name})`))
  if (other && other.id !== exceptId) throw nameTaken(name)
}

/** Concurrent saves of the same name meet the unique index; say so on the field. */
async function naming<T>(name: string, fn: () => Promise<T>): Promise<T> {
  try { return await fn() } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken(name)
    throw err
  }
}

/** A new category goes to the end of the admin's order. */
export async function createCategory(ctx: Ctx, raw: z.input<typeof CreateCategoryInput>) {
  authorize(ctx, 'settings:manage')
  const input = CreateCategoryInput.parse(raw)
  return naming(input.name, () => withTx(ctx, async (tx) => {
    await assertNameFree(tx, ctx.org.id, input.name)
    const [{ last }] = await tx.select({ last: sql<number>`coalesce(max(${categories.position}), 0)`.mapWith(Number) }).from(categories)
      .where(eq(categories.organizationId, ctx.org.id))
    const [row] = await tx.insert(categories).values({ organizationId: ctx.org.id, name: input.name, sensitive: input.sensitive, position: last + 1 }).returning()
    await recordAudit(tx, ctx, { entityType: 'category', entityId: row.id, action: 'category.created', changes: { name: [null, row.name], sensitive: [null, row.sensitive] } })
    return row
  }))
}

/**
 * Rename and the sensitive flag. The flag decides for tickets filed or moved into the
 * category from now on; tickets already in it keep theirs (un-restricting them silently
 * would expose them, restricting them would strand their assignees — §6 asks a person to decide).
 */
export async function updateCategory(ctx: Ctx, raw: z.input<typeof UpdateCategoryInput>) {
  authorize(ctx, 'settings:manage')
  const input = UpdateCategoryInput.parse(raw)
  return naming(input.name, () => withTx(ctx, async (tx) => {
    const cat = await loadCategory(tx, ctx.org.id, input.categoryId, { lock: true })
    const changes = diff(cat, { name: input.name, sensitive: input.sensitive })
    if (Object.keys(changes).length === 0) return cat
    if (changes.name) await assertNameFree(tx, ctx.org.id, input.name, cat.id)
    const [row] = await tx.update(categories).set({ name: input.name, sensitive: input.sensitive })
      .where(and(eq(categories.organizationId, ctx.org.id), eq(categories.id, cat.id))).returning()
    await recordAudit(tx, ctx, { entityType: 'category', entityId: cat.id, action: 'category.updated', changes })
    return row
  }))
}

/** A deactivated category leaves the pickers; tickets, rules and policies that use it keep it. */
export async function setCategoryActive(ctx: Ctx, raw: z.input<typeof SetCategoryActiveInput>) {
  authorize(ctx, 'settings:manage')
  const input = SetCategoryActiveInput.parse(raw)
  return withTx(ctx, async (tx) => {
    const cat = await loadCategory(tx, ctx.org.id, input.categoryId, { lock: true })
    if (cat.active === input.active) return cat
    const [row] = await tx.update(categories).set({ active: input.active })
      .where(and(eq(categories.organizationId, ctx.org.id), eq(categories.id, cat.id))).returning()
    await recordAudit(tx, ctx, { entityType: 'category', entityId: cat.id, action: input.active ? 'category.activated' : 'category.deactivated', changes: { active: [cat.active, input.active] } })
    return row
  })
}

/**
 * Moves a category one place up or down. The whole order is renumbered 1..n under a lock of
 * the org's categories, so ties (rows from before ordering existed) and two admins moving at
 * once still give one well-defined order.
 */
export async function moveCategory(ctx: Ctx, raw: z.input<typeof MoveCategoryInput>) {
  authorize(ctx, 'settings:manage')
  const input = MoveCategoryInput.parse(raw)
  return withTx(ctx, async (tx) => {
    const rows = await tx.select({ id: categories.id, position: categories.position }).from(categories)
      .where(eq(categories.organizationId, ctx.org.id)).orderBy(asc(categories.position), asc(categories.name)).for('no key update')
    const from = rows.findIndex((r) => r.id === input.categoryId)
    if (from < 0) await loadCategory(tx, ctx.org.id, input.categoryId) // throws NotFound
    const to = input.direction === 'up' ? from - 1 : from + 1
    if (to < 0 || to >= rows.length) return { moved: false }
    const order = rows.map((r) => r.id)
    ;[order[from], order[to]] = [order[to], order[from]]
    const renumbered = order.map((id, i) => ({ id, position: i + 1 })).filter((r) => rows.find((x) => x.id === r.id)!.position !== r.position)
    for (const r of renumbered) {
      await tx.update(categories).set({ position: r.position }).where(and(eq(categories.organizationId, ctx.org.id), eq(categories.id, r.id)))
    }
    await recordAudit(tx, ctx, { entityType: 'category', entityId: input.categoryId, action: 'category.moved', changes: { position: [from + 1, to + 1] } })
    return { moved: true }
  })
}

/** Deletes a category nothing uses; one that is in use can only be deactivated. */
export async function deleteCategory(ctx: Ctx, raw: z.input<typeof CategoryRefInput>) {
  authorize(ctx, 'settings:manage')
  const input = CategoryRefInput.parse(raw)
  return withTx(ctx, async (tx) => {
    const cat = await loadCategory(tx, ctx.org.id, input.categoryId, { lock: true })
    const use = await categoryUsage(tx, ctx.org.id, cat.id)
    const parts = [use.tickets && `${use.tickets} ticket${use.tickets === 1 ? '' : 's'}`, use.rules && `${use.rules} routing rule${use.rules === 1 ? '' : 's'}`,
      use.policies && `${use.policies} SLA polic${use.policies === 1 ? 'y' : 'ies'}`].filter(Boolean)
    if (parts.length) throw new ConflictError(`“${cat.name}” is used by ${parts.join(', ')}; deactivate it instead`)
    await tx.delete(categories).where(and(eq(categories.organizationId, ctx.org.id), eq(categories.id, cat.id)))
    await recordAudit(tx, ctx, { entityType: 'category', entityId: cat.id, action: 'category.deleted', changes: { name: [cat.name, null], sensitive: [cat.sensitive, null] } })
  })
}
