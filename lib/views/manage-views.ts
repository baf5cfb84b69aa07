import 'server-only'
import { and, count, eq, isNull, sql } from 'drizzle-orm'
import type { z } from 'zod'
import { savedViews, teams } from '@/db/schema'
import type { DbOrTx } from '@/db/client'
import { withTx } from '@/lib/db/tx'
import type { Ctx } from '@/lib/auth/ctx-type'
import { authorize, can } from '@/lib/authz/can'
import { diff, recordAudit } from '@/lib/audit/record'
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors'
import { parseSearch } from '@/lib/search/query'
import { isUniqueViolation } from '@/lib/teams/load'
import { DeleteViewInput, MAX_VIEWS_PER_SHELF, RenameViewInput, SaveViewInput, type ViewScope } from './schemas'
import { visibleViews } from './visible'

type Shelf = { scope: ViewScope; teamId: string | null }

/** The views on the same shelf as a new one: mine (personal), the org's, or one team's. */
const onShelf = (ctx: Ctx, s: Shelf) => and(
  eq(savedViews.organizationId, ctx.org.id), eq(savedViews.scope, s.scope),
  s.scope === 'personal' ? eq(savedViews.ownerId, ctx.user.id) : undefined,
  s.scope === 'team' ? eq(savedViews.teamId, s.teamId!) : s.scope === 'org' ? isNull(savedViews.teamId) : undefined,
)

const nameTaken = (name: string, s: Shelf) => new ConflictError('Name taken', {
  name: [s.scope === 'personal' ? `You already have a view called “${name}”` : `A shared view called “${name}” already exists here`],
})

async function assertNameFree(tx: DbOrTx, ctx: Ctx, s: Shelf, name: string, exceptId?: string) {
  const [clash] = await tx.select({ id: savedViews.id }).from(savedViews)
    .where(and(onShelf(ctx, s), sql`lower(${savedViews.name}) = lower(${name})`, exceptId ? sql`${savedViews.id} <> ${exceptId}` : undefined)).limit(1)
  if (clash) throw nameTaken(name, s)
}

/** Sharing is an admin's call (like the org's settings); anyone staff keeps views for themselves. */
function authorizeShelf(ctx: Ctx, scope: ViewScope) {
  if (scope !== 'personal' && !can(ctx, 'settings:manage')) throw new ForbiddenError('Only an admin can share a view with the organisation or a team')
}

/**
 * Saves the list's search and sort as a named view (§11). The query must parse: a view
 * with a token the list would refuse would silently show something else than its name says.
 */
export async function saveView(ctx: Ctx, raw: z.input<typeof SaveViewInput>) {
  authorize(ctx, 'ticket:work')
  const input = SaveViewInput.parse(raw)
  authorizeShelf(ctx, input.scope)
  const parsed = parseSearch(input.query)
  if (!parsed.ok) throw new ValidationError('The search has errors', { query: parsed.errors.map((e) => `${e.token}: ${e.message}`) })
  const shelf: Shelf = { scope: input.scope, teamId: input.teamId }
  try {
    return await withTx(ctx, async (tx) => {
      if (shelf.teamId) {
        const [team] = await tx.select({ id: teams.id }).from(teams).where(and(eq(teams.organizationId, ctx.org.id), eq(teams.id, shelf.teamId)))
        if (!team) throw new ValidationError('Unknown team', { scope: ['Choose one of the listed teams'] })
      }
      await assertNameFree(tx, ctx, shelf, input.name)
      const [{ n, last }] = await tx.select({ n: count(), last: sql<number>`coalesce(max(${savedViews.position}), 0)`.mapWith(Number) }).from(savedViews).where(onShelf(ctx, shelf))
      if (n >= MAX_VIEWS_PER_SHELF) throw new ValidationError('Too many views', { name: [`There are already ${MAX_VIEWS_PER_SHELF} views here; delete one to save another`] })
      const [view] = await tx.insert(savedViews).values({
        organizationId: ctx.org.id, ownerId: ctx.user.id, name: input.name, query: input.query, sort: input.sort, dir: input.dir,
        scope: shelf.scope, teamId: shelf.teamId, position: last + 1,
      }).returning()
      await recordAudit(tx, ctx, {
        entityType: 'saved_view', entityId: view.id, action: 'view.created',
        changes: { name: [null, view.name], query: [null, view.query], sort: [null, `${view.sort} ${view.dir}`], scope: [null, view.scope], teamId: [null, view.teamId] },
      })
      return view
    })
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken(input.name, shelf)
    throw err
  }
}

/** A view the caller sees and may change: its owner's if personal, an admin's if shared. */
async function loadManageable(tx: DbOrTx, ctx: Ctx, id: string) {
  const [view] = await tx.select().from(savedViews).where(and(visibleViews(ctx), eq(savedViews.id, id))).for('update')
  if (!view) throw new NotFoundError('That view was not found')
  authorizeShelf(ctx, view.scope)
  return view
}

export async function renameView(ctx: Ctx, raw: z.input<typeof RenameViewInput>) {
  authorize(ctx, 'ticket:work')
  const input = RenameViewInput.parse(raw)
  let shelf: Shelf = { scope: 'personal', teamId: null }
  try {
    return await withTx(ctx, async (tx) => {
      const view = await loadManageable(tx, ctx, input.id)
      shelf = { scope: view.scope, teamId: view.teamId }
      const changes = diff(view, { name: input.name })
      if (!Object.keys(changes).length) return view
      await assertNameFree(tx, ctx, shelf, input.name, view.id)
      const [updated] = await tx.update(savedViews).set({ name: input.name, updatedAt: new Date() })
        .where(and(eq(savedViews.organizationId, ctx.org.id), eq(savedViews.id, view.id))).returning()
      await recordAudit(tx, ctx, { entityType: 'saved_view', entityId: view.id, action: 'view.renamed', changes })
      return updated
    })
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken(input.name, shelf)
    throw err
  }
}

/** Built-in views are not stored, so they cannot be deleted (their ids are not uuids and fail the schema). */
export async function deleteView(ctx: Ctx, raw: z.input<typeof DeleteViewInput>) {
  authorize(ctx, 'ticket:work')
  const input = DeleteViewInput.parse(raw)
  await withTx(ctx, async (tx) => {
    const view = await loadManageable(tx, ctx, input.id)
    await tx.delete(savedViews).where(and(eq(savedViews.organizationId, ctx.org.id), eq(savedViews.id, view.id)))
    await recordAudit(tx, ctx, {
      entityType: 'saved_view', entityId: view.id, action: 'view.deleted',
      changes: { name: [view.name, null], query: [view.query, null], scope: [view.scope, null] },
    })
  })
}

