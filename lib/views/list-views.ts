import 'server-only'
import { and, asc, eq, sql } from 'drizzle-orm'
import { savedViews, teams } from '@/db/schema'
import { dbFor } from '@/lib/db/tx'
import type { Ctx } from '@/lib/auth/ctx-type'
import { authorize, can } from '@/lib/authz/can'
import { NotFoundError } from '@/lib/errors'
import { builtInViews, isBuiltInViewId, type ViewScope } from './schemas'
import { visibleViews } from './visible'

export type View = {
  id: string
  name: string
  query: string
  sort: string
  dir: 'asc' | 'desc'
  scope: 'builtin' | ViewScope
  teamName: string | null
  /** May rename or delete it: the owner of a personal view; an admin for a shared one. */
  canManage: boolean
}

const builtIn = (v: (typeof builtInViews)[number]): View => ({ ...v, scope: 'builtin', teamName: null, canManage: false })
const shelfOrder = sql`case ${savedViews.scope} when 'personal' then 0 when 'team' then 1 else 2 end`

function select() {
  return {
    id: savedViews.id, name: savedViews.name, query: savedViews.query, sort: savedViews.sort,
    dir: sql<'asc' | 'desc'>`${savedViews.dir}`, scope: savedViews.scope, teamName: teams.name,
  }
}
const manageable = (ctx: Ctx, scope: ViewScope) => scope === 'personal' || can(ctx, 'settings:manage')

/**
 * The views beside the queues (§11): built-ins first, then mine, my teams', the org's. One
 * query; requesters have none (an empty list, not an error: the portal has no side list).
 */
export async function listViews(ctx: Ctx): Promise<View[]> {
  if (!can(ctx, 'ticket:work')) return []
  const db = await dbFor(ctx)
  const rows = await db.select(select()).from(savedViews)
    .leftJoin(teams, and(eq(teams.organizationId, savedViews.organizationId), eq(teams.id, savedViews.teamId)))
    .where(visibleViews(ctx)).orderBy(shelfOrder, asc(teams.name), asc(savedViews.position), asc(savedViews.name))
  return [...builtInViews.map(builtIn), ...rows.map((r) => ({ ...r, canManage: manageable(ctx, r.scope) }))]
}

/** One view the viewer may see, by id (a built-in's name or a stored view's uuid); otherwise not found. */
export async function getView(ctx: Ctx, id: string): Promise<View> {
  authorize(ctx, 'ticket:work')
  if (isBuiltInViewId(id)) return builtIn(builtInViews.find((v) => v.id === id)!)
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw new NotFoundError('That view was not found')
  const db = await dbFor(ctx)
  const [row] = await db.select(select()).from(savedViews)
    .leftJoin(teams, and(eq(teams.organizationId, savedViews.organizationId), eq(teams.id, savedViews.teamId)))
    .where(and(visibleViews(ctx), eq(savedViews.id, id))).limit(1)
  if (!row) throw new NotFoundError('That view was not found')
  return { ...row, canManage: manageable(ctx, row.scope) }
}
