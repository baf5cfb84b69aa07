import 'server-only'
import { and, eq } from 'drizzle-orm'
import { categories, slaPolicies } from '@/db/schema'
import { getDb } from '@/db/client'
import type { Ctx } from '@/lib/auth/ctx-type'
import { isStaffRole } from '@/lib/authz/permissions'

/**
 * The policy a ticket's deadlines came from, for the SLA card on the staff detail page.
 * Targets are not secret but they are staff information: requesters get null. The caller
 * passes a ticket it has already loaded through the visibility rules.
 */
export async function ticketSlaPolicy(ctx: Ctx, ticket: { slaPolicyId: string | null }) {
  if (!isStaffRole(ctx.role) || !ticket.slaPolicyId) return null
  const db = await getDb()
  const [row] = await db.select({ p: slaPolicies, category: categories.name }).from(slaPolicies)
    .leftJoin(categories, and(eq(categories.organizationId, slaPolicies.organizationId), eq(categories.id, slaPolicies.categoryId)))
    .where(and(eq(slaPolicies.organizationId, ctx.org.id), eq(slaPolicies.id, ticket.slaPolicyId)))
  return row ? { ...row.p, category: row.category } : null
}
