import 'server-only'
import { and, asc, count, eq, sql, type SQL } from 'drizzle-orm'
import { z } from 'zod'
import { memberships, teamMembers } from '@/db/schema'
import { dbFor } from '@/lib/db/tx'
import type { Ctx } from '@/lib/auth/ctx-type'
import { authorize } from '@/lib/authz/can'
import { decodeNameCursor, encodeNameCursor, memberMatches, memberNameKey } from '@/lib/members/search-members'
import { getTeam, type TeamMemberView } from './queries'
import { TeamMemberListQuery } from './schemas'

/**
 * One page of a team's members for its settings page, alphabetical (case-insensitive name,
 * then user id, as the members list), optionally those whose name or email contains `q`.
 * Keyset-paginated on (lower(name), user id): pass `nextCursor` back as `after`. Admins only;
 * a team id of another organisation, or one that is not an id at all, is "not found".
 */
export async function listTeamMembers(ctx: Ctx, teamId: string, raw: z.input<typeof TeamMemberListQuery> = {}) {
  authorize(ctx, 'settings:manage')
  const query = TeamMemberListQuery.parse(raw)
  const team = await getTeam(ctx, teamId)
  const db = await dbFor(ctx)
  const cursor = decodeNameCursor(query.after)
  const where: (SQL | undefined)[] = [
    eq(teamMembers.organizationId, ctx.org.id), eq(teamMembers.teamId, team.id), memberMatches(query.q),
    cursor ? sql`(${memberNameKey}, ${memberships.userId}) > (${cursor.v}, ${cursor.id}::uuid)` : undefined,
  ]
  const [rows, [{ n: memberCount }]] = await Promise.all([
    db.select({
      userId: memberships.userId, name: memberships.name, email: memberships.email, role: memberships.role,
      active: memberships.active, key: memberNameKey,
    }).from(teamMembers)
      .innerJoin(memberships, and(eq(memberships.organizationId, teamMembers.organizationId), eq(memberships.userId, teamMembers.userId)))
      .where(and(...where))
      .orderBy(asc(memberNameKey), asc(memberships.userId))
      .limit(query.limit + 1),
    db.select({ n: count() }).from(teamMembers).where(and(eq(teamMembers.organizationId, ctx.org.id), eq(teamMembers.teamId, team.id))),
  ])
  const page = rows.slice(0, query.limit)
  const last = page[page.length - 1]
  return {
    team,
    /** Everyone in the team, whatever the search. */
    memberCount,
    query: { q: query.q, after: cursor ? query.after : undefined },
    members: page.map((r): TeamMemberView => ({ userId: r.userId, name: r.name, email: r.email, role: r.role, active: r.active })),
    nextCursor: rows.length > query.limit && last ? encodeNameCursor({ v: last.key, id: last.userId }) : null,
  }
}
export type TeamMemberPage = Awaited<ReturnType<typeof listTeamMembers>>
