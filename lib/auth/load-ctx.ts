import 'server-only'
import { and, eq, sql } from 'drizzle-orm'
import { memberships, organizations, revokedSessions, users, userTwoFactor } from '@/db/schema'
import { inTeamSql } from '@/lib/teams/queries'
import type { DbOrTx } from '@/db/client'
import { NotMemberError, UnauthorizedError } from '@/lib/errors'
import { isRevoked } from './revocation'
import type { Ctx } from './ctx-type'

/**
 * Builds the request context from the database in one query: the organisation, the
 * user's *active* membership and whether they sit in a restricted team. The session's
 * claims are never trusted for authorisation; this is the authoritative check. With `sid`,
 * a session ended by signing out is refused in the same query.
 */
export async function loadCtx(db: DbOrTx, userId: string, orgSlug: string, ip: string | null = null, opts: { sid?: string } = {}): Promise<Ctx> {
  const [row] = await db.select({
    org: { id: organizations.id, slug: organizations.slug, name: organizations.name, settings: organizations.settings },
    user: { id: users.id, email: users.email, name: users.name },
    role: memberships.role,
    cleared: inTeamSql(organizations.id, users.id, { restricted: true }),
    // Asked only where the org requires it, so other orgs pay nothing for it.
    mustEnrol: sql<boolean>`coalesce((${organizations.settings}->>'requireStaffTwoFactor')::boolean, false) and ${memberships.role} <> 'requester'
      and not exists (select 1 from ${userTwoFactor} where ${userTwoFactor.userId} = ${users.id} and ${userTwoFactor.enabledAt} is not null)`,
    revoked: opts.sid ? sql<boolean>`exists (select 1 from ${revokedSessions} where ${revokedSessions.sid} = ${opts.sid})` : sql<boolean>`false`,
  }).from(organizations)
    .innerJoin(memberships, and(eq(memberships.organizationId, organizations.id), eq(memberships.userId, userId), eq(memberships.active, true)))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(organizations.slug, orgSlug)).limit(1)
  if (row?.revoked || (!row && opts.sid && (await isRevoked(db, opts.sid)))) throw new UnauthorizedError()
  if (!row) throw new NotMemberError()
  const ctx: Ctx = { actor: { kind: 'user', userId: row.user.id }, org: row.org, user: row.user, role: row.role, cleared: row.cleared, ip }
  if (row.mustEnrol) ctx.mustEnrolTwoFactor = true
  return ctx
}

