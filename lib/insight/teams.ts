import 'server-only'
import { and, asc, eq, sql } from 'drizzle-orm'
import { teamMembers, teams } from '@/db/schema'
import type { Ctx } from '@/lib/auth/ctx-type'
import { dbFor } from '@/lib/db/tx'
import { authorizeInsight } from './scope'

/** The teams the dashboard's team filter offers: an admin every team, an agent their own. */
export async function listInsightTeams(ctx: Ctx) {
  authorizeInsight(ctx)
  const db = await dbFor(ctx)
  const mine = ctx.role === 'admin' ? undefined
    : sql`${teams.id} in (select ${teamMembers.teamId} from ${teamMembers} where ${teamMembers.organizationId} = ${ctx.org.id} and ${teamMembers.userId} = ${ctx.user.id})`
  return db.select({ id: teams.id, name: teams.name }).from(teams).where(and(eq(teams.organizationId, ctx.org.id), mine)).orderBy(asc(teams.name))
}
