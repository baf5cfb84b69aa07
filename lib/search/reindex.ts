import 'server-only'
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm'
import { comments, organizations, tickets } from '@/db/schema'
import type { DbOrTx } from '@/db/client'
import { searchLanguages, type SearchLanguage } from '@/db/enums'
import { enqueueJobs } from '@/lib/jobs/enqueue'
import type { JobRow } from '@/lib/jobs/runner'

// Rebuilding an org's search vectors after its language changed (lib/search/language.ts):
// each row's generated vector follows its `search_config`, so setting that column rebuilds
// the vector. One job is one batch in one transaction — tickets by id, then comments by id —
// and enqueues its successor in the same transaction, so a crash resumes where the last
// committed batch ended and no batch holds locks for long. When the last batch commits the
// org stops querying in the previous language as well.

export const REINDEX_QUEUE = 'search.reindex'
export const REINDEX_BATCH = Number(process.env.SEARCH_REINDEX_BATCH ?? 5_000)

type Phase = 'tickets' | 'comments'
export type ReindexPayload = { language: SearchLanguage; phase: Phase; after: string | null }

export const startReindex = (tx: DbOrTx, organizationId: string, language: SearchLanguage) =>
  enqueueJobs(tx, [{ organizationId, queue: REINDEX_QUEUE, payload: { language, phase: 'tickets', after: null } satisfies ReindexPayload }])

const isPayload = (p: Record<string, unknown>): p is ReindexPayload =>
  (searchLanguages as readonly unknown[]).includes(p.language) && (p.phase === 'tickets' || p.phase === 'comments')
  && (p.after === null || (typeof p.after === 'string' && /^[0-9a-f-]{36}$/i.test(p.after)))

/** One batch; the job handler. A job for a language the org no longer has (changed again since) ends quietly. */
export async function reindexBatch(job: Pick<JobRow, 'organizationId' | 'payload'>, db: DbOrTx): Promise<void> {
  const org = job.organizationId
  if (!org || !isPayload(job.payload)) return
  const { language, phase, after } = job.payload
  await db.transaction(async (tx) => {
    const [current] = await tx.select({ settings: organizations.settings }).from(organizations).where(eq(organizations.id, org)).for('update')
    if ((current?.settings.searchLanguage ?? 'simple') !== language) return
    const table = phase === 'tickets' ? tickets : comments
    const batch = await tx.select({ id: table.id }).from(table)
      .where(and(eq(table.organizationId, org), after ? gt(table.id, after) : undefined)).orderBy(asc(table.id)).limit(REINDEX_BATCH)
    const last = batch.at(-1)?.id ?? null
    if (batch.length) {
      const cfg = sql.raw(`'${language}'::regconfig`)
      await tx.execute(sql`update ${table} set search_config = ${cfg}
        where ${table.organizationId} = ${org} and ${inArray(table.id, batch.map((r) => r.id))} and search_config <> ${cfg}`)
    }
    if (last) {
      await enqueueJobs(tx, [{ organizationId: org, queue: REINDEX_QUEUE, payload: { language, phase, after: last } satisfies ReindexPayload }])
    } else if (phase === 'tickets') {
      await enqueueJobs(tx, [{ organizationId: org, queue: REINDEX_QUEUE, payload: { language, phase: 'comments', after: null } satisfies ReindexPayload }])
    } else {
      // Done: every row is in the new language; stop matching the previous one too.
      await tx.update(organizations).set({ settings: sql`${organizations.settings} - 'searchLanguagePrevious'` }).where(eq(organizations.id, org))
    }
  })
}
