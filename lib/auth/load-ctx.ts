import 'server-only'
import { and, eq, sql } from 'drizzle-orm'
import { memberships, organizations, teamMembers, teams, users } from '@/db/schema'
import type { DbOrTx } from '@/db/client'
import { ForbiddenError } from '@/lib/errors'
import type { Ctx } from './ctx-type'

/**
 * Builds the request context from the database in one query: the organisation, the
 * user's *active* membership and whether they sit in a restricted team. The session's
 * claims are never trusted for authorisation; this is the authoritative check.
 */
export async function loadCtx(db: DbOrTx, userId: string, orgSlug: string, ip: string | null = null): Promise<Ctx> {
  const cleared = sql<boolean>`exists (
    select 1 from ${teamMembers} join ${teams}
      on ${teams.organizationId} = ${teamMembers.organizationId} and ${teams.id} = ${teamMembers.teamId}
    where ${teamMembers.organizationId} = ${organizations.id} and ${teamMembers.userId} = ${users.id} and ${teams.restricted})`
  const [row] = await db.select({
    org: { id: organizations.id, slug: organizations.slug, name: organizations.name, settings: organizations.settings },
    user: { id: users.id, email: users.email, name: users.name },
    role: memberships.role,
    cleared,
  }).from(organizations)
    .innerJoin(memberships, and(eq(memberships.organizationId, organizations.id), eq(memberships.userId, userId), eq(memberships.active, true)))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(organizations.slug, orgSlug)).limit(1)
  if (!row) throw new ForbiddenError('You are not a member of this organisation')
  return { ...row, ip }
}

