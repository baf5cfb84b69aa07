import 'server-only'
import { and, inArray, isNull, lt } from 'drizzle-orm'
import { attachments } from '@/db/schema'
import type { Db } from '@/db/client'
import type { JobRow } from '@/lib/jobs/runner'
import { storageNamed } from './storage'

export const CLEANUP_QUEUE = 'attachments.cleanup'
export const CLEANUP_EVERY_MS = 60 * 60 * 1000

/** The purge job: removes deleted or discarded files' bytes from their storage. */
export async function purgeStoredFiles(job: JobRow) {
  const { storage, keys } = job.payload as { storage: string; keys: string[] }
  await storageNamed(storage).remove(keys)
}

/**
 * Uploads nobody sent (the tab was closed, the message abandoned) expire; this removes
 * them, rows and bytes, in batches. Across organisations: it is a system sweep.
 */
export async function removeExpiredUploads(db: Db, batch = 500): Promise<number> {
  const expired = await db.select().from(attachments)
    .where(and(isNull(attachments.ticketId), lt(attachments.expiresAt, new Date()))).limit(batch)
  if (expired.length === 0) return 0
  const byStorage = new Map<string, string[]>()
  for (const a of expired) {
    const list = byStorage.get(a.storage) ?? []
    list.push(a.storageKey, ...(a.thumbnailKey ? [a.thumbnailKey] : []))
    byStorage.set(a.storage, list)
  }
  // Bytes first: if removal fails the rows stay and the next sweep tries again.
  for (const [storage, keys] of byStorage) await storageNamed(storage).remove(keys)
  await db.delete(attachments).where(and(isNull(attachments.ticketId), inArray(attachments.id, expired.map((a) => a.id))))
  return expired.length
}
