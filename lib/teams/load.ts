import 'server-only'
import { and, eq } from 'drizzle-orm'
import { teams } from '@/db/schema'
import type { DbOrTx } from '@/db/client'
import { NotFoundError } from '@/lib/errors'

export type TeamRow = typeof teams.$inferSelect

/**
 * A team of the actor's organisation, locked when asked. NO KEY UPDATE: it serialises team
 * changes and round-robin picks without blocking the FOR KEY SHARE locks that inserting a
 * ticket or member (foreign keys to the team) takes.
 */
export async function loadTeam(tx: DbOrTx, orgId: string, teamId: string, opts: { lock?: boolean } = {}): Promise<TeamRow> {
  const q = tx.select().from(teams).where(and(eq(teams.organizationId, orgId), eq(teams.id, teamId))).limit(1)
  const [team] = opts.lock ? await q.for('no key update') : await q
  if (!team) throw new NotFoundError('That team was not found')
  return team
}

/** Postgres' unique violation, for a clear message when two admins pick the same name at once. */
export const isUniqueViolation = (err: unknown) =>
  typeof err === 'object' && err !== null && ((err as { code?: string }).code === '23505' || (err as { cause?: { code?: string } }).cause?.code === '23505')
