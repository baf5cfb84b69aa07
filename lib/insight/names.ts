import 'server-only'
import { and, eq, inArray } from 'drizzle-orm'
import { teams, users } from '@/db/schema'
import type { DbOrTx } from '@/db/client'
import type { Ctx } from '@/lib/auth/ctx-type'

/** Team and people names for the ids a figure names, in two batched queries. */
export async function namesFor(db: DbOrTx, ctx: Ctx, ids: { teams: (string | null)[]; users: (string | null)[] }) {
  const t = [...new Set(ids.teams.filter((x): x is string => !!x))]
  const u = [...new Set(ids.users.filter((x): x is string => !!x))]
  const [teamRows, userRows] = [
    t.length ? await db.select({ id: teams.id, name: teams.name }).from(teams).where(and(eq(teams.organizationId, ctx.org.id), inArray(teams.id, t))) : [],
    // A user's name is org-neutral; the ids come from this org's tickets, so nobody else's is asked for.
    u.length ? await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, u)) : [],
  ]
  const team = new Map(teamRows.map((r) => [r.id, r.name]))
  const user = new Map(userRows.map((r) => [r.id, r.name]))
  return {
    team: (id: string | null) => (id ? team.get(id) ?? 'Unknown team' : 'No team'),
    user: (id: string | null) => (id ? user.get(id) ?? 'Unknown' : 'Unassigned'),
  }
}
