import 'server-only'
import { and, asc, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm'
import { z } from 'zod'
import { memberships } from '@/db/schema'
import { dbFor } from '@/lib/db/tx'
import type { Ctx } from '@/lib/auth/ctx-type'
import { authorize } from '@/lib/authz/can'
import { MemberListQuery } from './schemas'

export const MEMBERS_PAGE_SIZE = 50

/** The list's order: case-insensitive name, then the user id so equal names still page exactly. */
export const memberNameKey = sql<string>`lower(${memberships.name})`

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`)

/** Name or email contains `q`, any case: served by the trigram indexes of migration 0015. */
export function memberMatches(q: string): SQL | undefined {
  if (!q) return undefined
  const pattern = `%${likeEscape(q)}%`
  return or(ilike(memberships.name, pattern), ilike(memberships.email, pattern))
}

/** A keyset position in name order: the lower-cased name and the user id. Also pages a team's members. */
export type NameCursor = { v: string; id: string }
export const encodeNameCursor = (c: NameCursor) => Buffer.from(JSON.stringify(c)).toString('base64url')
const CursorShape = z.object({ v: z.string().max(300), id: z.string().uuid() })
export function decodeNameCursor(s: string | undefined): NameCursor | null {
  if (!s) return null
  try {
    const parsed = CursorShape.safeParse(JSON.parse(Buffer.from(s, 'base64url').toString()))
    return parsed.success ? parsed.data : null
  } catch { return null }
}

/**
 * One page of the organisation's members, alphabetical, searched by name or email and
 * filtered by role and status, keyset-paginated on (lower(name), user id): the 2,000th page
 * of a 120,000-member org costs what the first does (index memberships_org_name_idx).
 */
export async function searchMembers(ctx: Ctx, raw: unknown) {
  authorize(ctx, 'members:list')
  const q = MemberListQuery.parse(raw ?? {})
  const db = await dbFor(ctx)
  const backwards = !!q.before && !q.after
  const cursor = decodeNameCursor(backwards ? q.before : q.after)
  const where: (SQL | undefined)[] = [
    eq(memberships.organizationId, ctx.org.id),
    memberMatches(q.q),
    q.role ? eq(memberships.role, q.role) : undefined,
    q.status ? eq(memberships.active, q.status === 'active') : undefined,
  ]
  if (cursor) where.push(sql`(${memberNameKey}, ${memberships.userId}) ${backwards ? sql`<` : sql`>`} (${cursor.v}, ${cursor.id}::uuid)`)
  const rows = await db.select({
    userId: memberships.userId, name: memberships.name, email: memberships.email, role: memberships.role,
    active: memberships.active, since: memberships.createdAt, key: memberNameKey,
  }).from(memberships)
    .where(and(...where))
    .orderBy(...(backwards ? [desc(memberNameKey), desc(memberships.userId)] : [asc(memberNameKey), asc(memberships.userId)]))
    .limit(MEMBERS_PAGE_SIZE + 1)
  const more = rows.length > MEMBERS_PAGE_SIZE
  const page = rows.slice(0, MEMBERS_PAGE_SIZE)
  if (backwards) page.reverse()
  const keyOf = (r: (typeof page)[number]) => encodeNameCursor({ v: r.key, id: r.userId })
  const first = page[0]
  const last = page[page.length - 1]
  return {
    query: q,
    rows: page.map((r) => ({ userId: r.userId, name: r.name, email: r.email, role: r.role, active: r.active, since: r.since })),
    next: last && (backwards || more) ? keyOf(last) : null,
    prev: first && (backwards ? more : !!cursor) ? keyOf(first) : null,
  }
}

/** The page's headline: active members and active admins, from the partial index on active memberships. */
export async function memberCounts(ctx: Ctx): Promise<{ active: number; admins: number }> {
  authorize(ctx, 'members:list')
  const db = await dbFor(ctx)
  const [row] = await db.select({
    active: sql<number>`count(*)::int`,
    admins: sql<number>`(count(*) filter (where ${memberships.role} = 'admin'))::int`,
  }).from(memberships).where(and(eq(memberships.organizationId, ctx.org.id), eq(memberships.active, true)))
  return row
}
