import 'server-only'
import { sql } from 'drizzle-orm'
import type { DbOrTx } from '@/db/client'
import { LIVE_CHANNEL, type LiveEvent } from './events'

// NOTIFY payloads are capped at 8000 bytes; an inbox event for a crowd drops its list and
// lets every bell re-count (each count is its owner's own query, so nothing leaks).
const MAX_USERS = 100

/**
 * The one publishing point for live updates. Called inside the writing transaction, so the
 * NOTIFY goes out when — and only if — the change commits, on Postgres (to every instance)
 * and on PGlite (in-process) alike. Duplicates in one transaction are folded by Postgres.
 */
export async function publishLive(tx: DbOrTx, events: LiveEvent[]): Promise<void> {
  if (events.length === 0) return
  const payloads = [...new Set(events.map((e) => JSON.stringify(e.u && e.u.length > MAX_USERS ? { ...e, u: undefined } : e)))]
  await tx.execute(sql`select ${sql.join(payloads.map((p) => sql`pg_notify(${LIVE_CHANNEL}, ${p})`), sql`, `)}`)
}

const auditedReads = new Set(['ticket.viewed', 'ticket.exported', 'attachment.downloaded'])

type AuditLike = { entityType: string; entityId: string; action: string; changes?: Record<string, [unknown, unknown]> }

/**
 * The live event an audited change implies: audit is written by every verb that changes a
 * ticket or its conversation, in the same transaction, so hooking it there covers them all
 * without each verb remembering to publish.
 */
export function liveEventOf(orgId: string, e: AuditLike): LiveEvent | null {
  // Reads that are audited change nothing on screen — and a view announced to other viewers
  // would make their refresh record a view in turn, ping-ponging for ever.
  if (auditedReads.has(e.action)) return null
  if (e.entityType === 'ticket') return { o: orgId, k: 'ticket', t: e.entityId }
  const ref = e.changes?.ticketId
  const ticketId = ref ? (ref[1] ?? ref[0]) : null
  if (typeof ticketId !== 'string') return null
  // Anything but a ticket's own row is staff-only unless it says it is public: a file on an
  // internal note is as private as the note.
  const internal = e.changes?.internal?.[1] !== false || e.action.includes('internal')
  return { o: orgId, k: 'comment', t: ticketId, i: internal }
}
