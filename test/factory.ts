import { randomBytes } from 'node:crypto'
import { getDb } from '@/db/client'
import type { Role } from '@/db/schema'
import { createUser } from '@/lib/users/create-user'
import { createOrganization } from '@/lib/orgs/create-organization'
import { addMember } from '@/lib/members/members'
import { loadCtx } from '@/lib/auth/load-ctx'
import type { Ctx } from '@/lib/auth/ctx-type'

export const uid = () => randomBytes(5).toString('hex')

/**
 * A fresh organisation built through the domain functions, with one person per role.
 * Slugs and emails are unique, so tests never depend on each other or on demo data.
 */
export async function makeOrg(opts: { categories?: { name: string; sensitive?: boolean }[] } = {}) {
  const db = await getDb()
  const tag = uid()
  const admin = await createUser(db, { email: `admin-${tag}@t.test`, name: `Admin ${tag}` })
  const { org, categories } = await createOrganization(db, admin.id, {
    slug: `org-${tag}`, name: `Org ${tag}`,
    categories: (opts.categories ?? [{ name: 'General' }, { name: 'Sensitive', sensitive: true }]).map((c) => ({ name: c.name, sensitive: !!c.sensitive })),
  })
  const adminCtx = await loadCtx(db, admin.id, org.slug)
  const member = async (name: string, role: Role): Promise<Ctx> => {
    const u = await addMember(adminCtx, { email: `${name}-${tag}@t.test`, name: `${name} ${tag}`, role })
    return loadCtx(db, u.id, org.slug)
  }
  return {
    org, categories, db,
    admin: adminCtx,
    agent: await member('agent', 'agent'),
    agent2: await member('agent2', 'agent'),
    requester: await member('requester', 'requester'),
    requester2: await member('requester2', 'requester'),
    /** Re-reads a context after membership or team changes. */
    reload: (ctx: Ctx) => loadCtx(db, ctx.user.id, org.slug),
  }
}
export type TestOrg = Awaited<ReturnType<typeof makeOrg>>

export const category = (o: TestOrg, name: string) => o.categories.find((c) => c.name === name)!.id
