import 'server-only'
import { and, asc, eq } from 'drizzle-orm'
import { memberships, organizations } from '@/db/schema'
import { getDb } from '@/db/client'

/** The organisations a signed-in user belongs to (for `/` and the switcher). Not tenant data. */
export async function myOrganizations(userId: string) {
  const db = await getDb()
  return db.select({ slug: organizations.slug, name: organizations.name, role: memberships.role })
    .from(memberships).innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(and(eq(memberships.userId, userId), eq(memberships.active, true))).orderBy(asc(organizations.name))
}

export function homePath(slug: string, role: string) {
  return role === 'requester' ? `/${slug}/portal` : `/${slug}/tickets`
}
