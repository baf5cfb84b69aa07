import 'server-only'
import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import { z } from 'zod'
import { memberships, teamMembers } from '@/db/schema'
import { dbFor } from '@/lib/db/tx'
import type { Ctx } from '@/lib/auth/ctx-type'
import { authorize } from '@/lib/authz/can'
import { memberMatches, memberNameKey } from '@/lib/members/search-members'
import { loadTeam } from './load'
import { TeamCandidateSearch } from './schemas'

export const TEAM_CANDIDATES_LIMIT = 20

export type TeamCandidate = { userId: string; name: string; email: string; role: 'agent' | 'admin' }

/**
 * Who may still join a team, for the settings page's type-ahead: active agents and admins of
 * the organisation, not yet in it, whose name or email contains `q`; at most 20, alphabetical.
 * The same people `addTeamMember` accepts. Admins only; another org's team is "not found".
 */
export async function searchTeamCandidates(ctx: Ctx, raw: z.input<typeof TeamCandidateSearch> | Record<string, string>): Promise<TeamCandidate[]> {
  authorize(ctx, 'settings:manage')
  const input = TeamCandidateSearch.parse(raw)
  const db = await dbFor(ctx)
  const team = await loadTeam(db, ctx.org.id, input.team)
  const rows = await db.select({ userId: memberships.userId, name: memberships.name, email: memberships.email, role: memberships.role })
    .from(memberships)
    .where(and(
      eq(memberships.organizationId, ctx.org.id), eq(memberships.active, true), inArray(memberships.role, ['agent', 'admin']),
      memberMatches(input.q),
      sql`not exists (select 1 from ${teamMembers} tm where tm.organization_id = ${ctx.org.id} and tm.team_id = ${team.id} and tm.user_id = ${memberships.userId})`,
    ))
    .orderBy(asc(memberNameKey), asc(memberships.userId)).limit(TEAM_CANDIDATES_LIMIT)
  return rows as TeamCandidate[]
}
