import 'server-only'
import { and, eq, or, sql, type SQL } from 'drizzle-orm'
import { savedViews, teamMembers } from '@/db/schema'
import type { Ctx } from '@/lib/auth/ctx-type'
import { isStaffRole } from '@/lib/authz/permissions'
import { noRows } from '@/lib/authz/visibility'

/**
 * Which saved views a person sees (the one place that decides): their own personal views,
 * the organisation's shared ones, and those shared with a team they belong to (or that they
 * shared themselves). Requesters have no views. Another organisation's views never match.
 */
export function visibleViews(ctx: Ctx): SQL {
  if (!isStaffRole(ctx.role)) return noRows
  const member = sql`exists (select 1 from ${teamMembers} where ${teamMembers.organizationId} = ${savedViews.organizationId}
    and ${teamMembers.teamId} = ${savedViews.teamId} and ${teamMembers.userId} = ${ctx.user.id})`
  return and(eq(savedViews.organizationId, ctx.org.id), or(
    and(eq(savedViews.scope, 'personal'), eq(savedViews.ownerId, ctx.user.id)),
    eq(savedViews.scope, 'org'),
    and(eq(savedViews.scope, 'team'), or(eq(savedViews.ownerId, ctx.user.id), member)),
  ))!
}
