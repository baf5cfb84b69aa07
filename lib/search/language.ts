import 'server-only'
import { and, eq, sql } from 'drizzle-orm'
import { jobs, organizations } from '@/db/schema'
import type { SearchLanguage } from '@/db/enums'
import type { Ctx } from '@/lib/auth/ctx-type'
import { authorize } from '@/lib/authz/can'
import { recordAudit } from '@/lib/audit/record'
import { dbFor, withTx } from '@/lib/db/tx'
import { REINDEX_QUEUE, startReindex } from './reindex'
import { SearchLanguageInput } from './schemas'
import { searchConfigOf } from './text'

/**
 * Sets the org's search language (§11 full-text search). New tickets and comments are
 * indexed in it at once; existing ones are re-indexed in the background, and until that
 * ends searches match in both the previous and the new language, so nothing drops out.
 */
export async function setSearchLanguage(ctx: Ctx, raw: unknown): Promise<{ changed: boolean }> {
  authorize(ctx, 'settings:manage')
  const { language } = SearchLanguageInput.parse(raw)
  return withTx(ctx, async (tx) => {
    const [org] = await tx.select({ settings: organizations.settings }).from(organizations).where(eq(organizations.id, ctx.org.id)).for('update')
    const before: SearchLanguage = org?.settings.searchLanguage ?? 'simple'
    if (before === language) return { changed: false }
    // A change during a re-index keeps the oldest language still in the rows as "previous".
    const previous = org?.settings.searchLanguagePrevious ?? before
    await tx.update(organizations).set({ settings: sql`${organizations.settings} || ${JSON.stringify({ searchLanguage: language, searchLanguagePrevious: previous })}::jsonb` })
      .where(eq(organizations.id, ctx.org.id))
    await startReindex(tx, ctx.org.id, language)
    await recordAudit(tx, ctx, { entityType: 'organization', entityId: ctx.org.id, action: 'search_language.changed', changes: { searchLanguage: [before, language] } })
    return { changed: true }
  })
}

export type SearchSettings = { language: SearchLanguage; reindexing: boolean }

/** The org's search language and whether a re-index is still running. */
export async function getSearchSettings(ctx: Ctx): Promise<SearchSettings> {
  authorize(ctx, 'settings:manage')
  const db = await dbFor(ctx)
  const [pending] = await db.select({ one: sql`1` }).from(jobs)
    .where(and(eq(jobs.organizationId, ctx.org.id), eq(jobs.queue, REINDEX_QUEUE), sql`${jobs.status} in ('pending', 'running')`)).limit(1)
  return { language: searchConfigOf(ctx), reindexing: !!pending || !!ctx.org.settings.searchLanguagePrevious }
}
