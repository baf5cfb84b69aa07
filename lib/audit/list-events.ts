import 'server-only'
import { and, desc, eq, gte, lt, lte, sql, type SQL } from 'drizzle-orm'
import { z } from 'zod'
import { auditEvents, users } from '@/db/schema'
import { getDb } from '@/db/client'
import type { Ctx } from '@/lib/auth/ctx-type'
import { authorize } from '@/lib/authz/can'

export const AuditQuery = z.object({
  entity: z.string().trim().max(40).optional().catch(undefined),
  action: z.string().trim().max(60).optional().catch(undefined),
  actor: z.string().uuid().optional().catch(undefined),
  from: z.string().date().optional().catch(undefined),
  to: z.string().date().optional().catch(undefined),
  before: z.coerce.number().int().positive().optional().catch(undefined),
})

const AUDIT_PAGE = 50

/** The org's audit log, newest first, keyset-paginated on seq (admin only, §9). */
export async function listAuditEvents(ctx: Ctx, raw: unknown) {
  authorize(ctx, 'audit:view')
  const q = AuditQuery.parse(raw ?? {})
  const db = await getDb()
  const parts: (SQL | undefined)[] = [eq(auditEvents.organizationId, ctx.org.id)]
  if (q.entity) parts.push(eq(auditEvents.entityType, q.entity))
  if (q.action) parts.push(sql`${auditEvents.action} like ${q.action.replace(/[\\%_]/g, (m) => `\\${m}`) + '%'}`)
  if (q.actor) parts.push(eq(auditEvents.actorId, q.actor))
  if (q.from) parts.push(gte(auditEvents.createdAt, new Date(`${q.from}T00:00:00Z`)))
  if (q.to) parts.push(lte(auditEvents.createdAt, new Date(`${q.to}T23:59:59.999Z`)))
  if (q.before) parts.push(lt(auditEvents.seq, q.before))
  const rows = await db.select({ e: auditEvents, actor: users.name }).from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(...parts)).orderBy(desc(auditEvents.seq)).limit(AUDIT_PAGE + 1)
  const page = rows.slice(0, AUDIT_PAGE)
  return { query: q, rows: page, nextBefore: rows.length > AUDIT_PAGE ? page[page.length - 1].e.seq : null }
}
