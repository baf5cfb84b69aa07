import 'server-only'
import { and, eq, sql } from 'drizzle-orm'
import { categories, memberships, teams } from '@/db/schema'
import { dbFor } from '@/lib/db/tx'
import type { Ctx } from '@/lib/auth/ctx-type'
import { authorize } from '@/lib/authz/can'
import { parseSearch } from '@/lib/search/query'

export type StaleName = { kind: 'team' | 'category' | 'assignee'; name: string }

const lowerIn = (values: string[]) => sql.join(values.map((v) => sql`${v.toLowerCase()}`), sql`, `)

/**
 * Names in a view's query that no longer exist in the organisation: a team or category
 * renamed or deleted, an assignee's email gone. The token stays in the query — a missing
 * team matches no ticket, so the view shows nothing rather than widening — and the list
 * says why it is empty. Teams and categories are staff-visible names, so this reveals nothing.
 */
export async function staleViewNames(ctx: Ctx, query: string): Promise<StaleName[]> {
  authorize(ctx, 'ticket:work')
  const q = parseSearch(query).query
  const teamNames = q.team.filter((t) => t.toLowerCase() !== 'none')
  const emails = q.assignee.filter((a) => a !== 'me' && a !== 'none')
  if (!teamNames.length && !q.category.length && !emails.length) return []
  const db = await dbFor(ctx)
  const found = (rows: { name: string }[]) => new Set(rows.map((r) => r.name.toLowerCase()))
  const [t, c, m] = await Promise.all([
    teamNames.length ? db.select({ name: teams.name }).from(teams).where(and(eq(teams.organizationId, ctx.org.id), sql`lower(${teams.name}) in (${lowerIn(teamNames)})`)) : [],
    q.category.length ? db.select({ name: categories.name }).from(categories).where(and(eq(categories.organizationId, ctx.org.id), sql`lower(${categories.name}) in (${lowerIn(q.category)})`)) : [],
    emails.length ? db.select({ name: memberships.email }).from(memberships).where(and(eq(memberships.organizationId, ctx.org.id), sql`lower(${memberships.email}) in (${lowerIn(emails)})`)) : [],
  ]).then((r) => r.map(found))
  return [
    ...teamNames.filter((n) => !t!.has(n.toLowerCase())).map((name) => ({ kind: 'team' as const, name })),
    ...q.category.filter((n) => !c!.has(n.toLowerCase())).map((name) => ({ kind: 'category' as const, name })),
    ...emails.filter((n) => !m!.has(n.toLowerCase())).map((name) => ({ kind: 'assignee' as const, name })),
  ]
}
