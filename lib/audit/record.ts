import 'server-only'
import { eq, sql } from 'drizzle-orm'
import { auditEvents, auditHeads, type AuditChanges } from '@/db/schema'
import type { DbOrTx } from '@/db/client'
import type { Ctx } from '@/lib/auth/ctx-type'
import { eventHash } from './hash'
import { liveEventOf, publishLive } from '@/lib/live/publish'

export type AuditInput = {
  entityType: string
  entityId: string
  action: string
  changes?: AuditChanges
}

type Actor = Pick<Ctx, 'ip' | 'role'> & { user: { id: string } | null; org: { id: string } }

/**
 * Appends one event to the organisation's hash chain. Must be called inside the
 * transaction that makes the change, so the change and its record commit together (§9).
 */
export async function recordAudit(tx: DbOrTx, actor: Actor, input: AuditInput): Promise<void> {
  await recordAudits(tx, actor, [input])
}

/**
 * Appends several events by one actor, in order, with one lock of the head and one insert:
 * the SLA sweep records a batch of escalations without a round trip per ticket.
 */
export async function recordAudits(tx: DbOrTx, actor: Actor, inputs: AuditInput[]): Promise<void> {
  if (inputs.length === 0) return
  // Locking the org's head row serialises appends within one org; other orgs are unaffected.
  const [head] = await tx.select().from(auditHeads)
    .where(eq(auditHeads.organizationId, actor.org.id)).for('update')
  if (!head) throw new Error(`audit head missing for organisation ${actor.org.id}`)
  let seq = head.lastSeq
  let prevHash = head.lastHash
  const rows = inputs.map((input) => {
    seq++
    const event = {
      organizationId: actor.org.id,
      seq,
      actorId: actor.user?.id ?? null,
      actorRole: actor.user ? actor.role : null,
      entityType: input.entityType,
      entityId: input.entityId,
      action: input.action,
      // Round-trip through JSON so what we hash is exactly what jsonb stores (dates become strings).
      changes: JSON.parse(JSON.stringify(input.changes ?? {})) as AuditChanges,
      ip: actor.ip,
      createdAt: new Date(),
    }
    const hash = eventHash(prevHash, event)
    const row = { ...event, prevHash, hash }
    prevHash = hash
    return row
  })
  // A change to a ticket or its conversation also tells open pages (issue 16): published
  // here, in the same transaction, because every such change is audited.
  const live = inputs.map((i) => liveEventOf(actor.org.id, i)).filter((e) => e !== null)
  // Sent together: on Postgres they go out in one round trip (pipelined on the transaction's connection).
  await Promise.all([
    tx.insert(auditEvents).values(rows),
    tx.update(auditHeads).set({ lastSeq: seq, lastHash: prevHash }).where(eq(auditHeads.organizationId, actor.org.id)),
    publishLive(tx, live),
  ])
}

/** Old → new pairs for the fields that actually changed. */
export function diff<T extends Record<string, unknown>>(before: T, after: Partial<T>): AuditChanges {
  const out: AuditChanges = {}
  for (const key of Object.keys(after)) {
    const a = before[key]
    const b = after[key]
    if (b === undefined) continue
    if (JSON.stringify(a) !== JSON.stringify(b)) out[key] = [a ?? null, b ?? null]
  }
  return out
}

export const auditNow = sql`now()`
