import 'server-only'
import { and, asc, eq, gt } from 'drizzle-orm'
import { auditEvents, auditHeads, organizations } from '@/db/schema'
import { getDb, type Db } from '@/db/client'
import type { Ctx } from '@/lib/auth/ctx-type'
import { authorize } from '@/lib/authz/can'
import { eventHash, genesisHash } from './hash'

export type ChainReport = {
  organizationId: string
  slug: string
  checked: number
  ok: boolean
  /** The first event whose hash or link does not match, and why. */
  brokenAt?: { seq: number; reason: string }
}

/** Walks one organisation's chain in order, in batches, recomputing every hash. */
export async function verifyOrgChain(db: Db, org: { id: string; slug: string }): Promise<ChainReport> {
  let prev = genesisHash(org.id)
  let expectedSeq = 1
  let checked = 0
  const report = (seq: number, reason: string): ChainReport =>
    ({ organizationId: org.id, slug: org.slug, checked, ok: false, brokenAt: { seq, reason } })
  for (;;) {
    const batch = await db.select().from(auditEvents)
      .where(and(eq(auditEvents.organizationId, org.id), gt(auditEvents.seq, expectedSeq - 1)))
      .orderBy(asc(auditEvents.seq)).limit(1000)
    if (batch.length === 0) break
    for (const e of batch) {
      if (e.seq !== expectedSeq) return report(expectedSeq, `event ${expectedSeq} is missing`)
      if (e.prevHash !== prev) return report(e.seq, 'prev_hash does not match the previous event')
      const computed = eventHash(prev, e)
      if (computed !== e.hash) return report(e.seq, 'content does not match its hash (edited)')
      prev = e.hash
      expectedSeq++
      checked++
    }
  }
  const [head] = await db.select().from(auditHeads).where(eq(auditHeads.organizationId, org.id))
  if (head && (head.lastSeq !== expectedSeq - 1 || head.lastHash !== prev)) {
    return report(expectedSeq, `chain ends at ${expectedSeq - 1} but the head records ${head.lastSeq} (events removed)`)
  }
  return { organizationId: org.id, slug: org.slug, checked, ok: true }
}

/** The signed-in admin's own organisation, for the audit log page (§9). */
export async function verifyMyOrgChain(ctx: Ctx): Promise<ChainReport> {
  authorize(ctx, 'audit:view')
  return verifyOrgChain(await getDb(), ctx.org)
}

export async function verifyAllChains(db: Db): Promise<ChainReport[]> {
  const orgs = await db.select({ id: organizations.id, slug: organizations.slug }).from(organizations).orderBy(organizations.slug)
  const out: ChainReport[] = []
  for (const org of orgs) out.push(await verifyOrgChain(db, org))
  return out
}
