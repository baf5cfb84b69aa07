import 'server-only'
import { z } from 'zod'
import { auditHeads, categories, memberships, organizations, ticketCounters, defaultOrgSettings, type OrgSettings } from '@/db/schema'
import type { Db } from '@/db/client'
import { recordAudit } from '@/lib/audit/record'
import { genesisHash } from '@/lib/audit/hash'
import type { Ctx } from '@/lib/auth/ctx-type'

export const CreateOrganizationInput = z.object({
  slug: z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'Use 2–40 lowercase letters, digits or dashes'),
  name: z.string().trim().min(1).max(120),
  settings: z.object({ timezone: z.string(), autoCloseDays: z.number().int().min(1).max(90) }).partial().optional(),
  categories: z.array(z.object({ name: z.string().trim().min(1).max(80), sensitive: z.boolean().default(false) })).default([]),
})

/**
 * Creates a tenant with its counters and audit chain, and makes `ownerId` its first
 * admin. Operator-level (seed, tests, provisioning); there is no self-service sign-up yet.
 */
export async function createOrganization(db: Db, ownerId: string, raw: z.input<typeof CreateOrganizationInput>) {
  const input = CreateOrganizationInput.parse(raw)
  return db.transaction(async (tx) => {
    const settings: OrgSettings = { ...defaultOrgSettings, ...input.settings }
    const [org] = await tx.insert(organizations).values({ slug: input.slug, name: input.name, settings }).returning()
    await tx.insert(ticketCounters).values({ organizationId: org.id })
    await tx.insert(auditHeads).values({ organizationId: org.id, lastHash: genesisHash(org.id) })
    await tx.insert(memberships).values({ organizationId: org.id, userId: ownerId, role: 'admin' })
    const actor = { user: { id: ownerId }, org, role: 'admin' as const, ip: null }
    await recordAudit(tx, actor, { entityType: 'organization', entityId: org.id, action: 'organization.created', changes: { name: [null, org.name], slug: [null, org.slug] } })
    await recordAudit(tx, actor, { entityType: 'membership', entityId: ownerId, action: 'member.added', changes: { role: [null, 'admin'] } })
    const cats = input.categories.length
      ? await tx.insert(categories).values(input.categories.map((c) => ({ ...c, organizationId: org.id }))).returning()
      : []
    for (const c of cats) {
      await recordAudit(tx, actor, { entityType: 'category', entityId: c.id, action: 'category.created', changes: { name: [null, c.name], sensitive: [null, c.sensitive] } })
    }
    return { org, categories: cats }
  })
}

export type OrgCtxSource = Pick<Ctx, 'org'>
