import 'server-only'
import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm'
import { z } from 'zod'
import { auditEvents, users } from '@/db/schema'
import { getDb } from '@/db/client'
import type { Ctx } from '@/lib/auth/ctx-type'
import { authorize } from '@/lib/authz/can'
import { dayNumber, instantOf } from '@/lib/sla/zoned'

export const AuditQuery = z.object({
  entity: z.string().trim().max(40).optional().catch(undefined),
  action: z.string().trim().max(60).optional().catch(undefined),
  actor: z.string().uuid().optional().catch(undefined),
  from: z.string().date().optional().catch(undefined),
  to: z.string().date().optional().catch(undefined),
  before: z.coerce.number().int().positive().optional().catch(undefined),
})

const AUDIT_PAGE = 50

/**
 * The org's audit log, newest first, keyset-paginated on seq (admin only, §9). From and To
 * are whole days in the viewer's time zone (issue 18: they were UTC days, so an evening's
 * events fell on "tomorrow"). A From after To is answered with an error next to To, not
 * with a silently empty list.
 */
export async function listAuditEvents(ctx: Ctx, raw: unknown, opts: { timeZone?: string } = {}) {
  authorize(ctx, 'audit:view')
  const q = AuditQuery.parse(raw ?? {})
  if (q.from && q.to && q.from > q.to) {
    return { query: q, rows: [], nextBefore: null, fieldErrors: { to: [`Choose a day on or after the From day (${q.from})`] } as Record<string, string[]> }
  }
  const tz = opts.timeZone ?? 'UTC'
  const db = await getDb()
  const parts: (SQL | undefined)[] = [eq(auditEvents.organizationId, ctx.org.id)]
  if (q.entity) parts.push(eq(auditEvents.entityType, q.entity))
  if (q.action) parts.push(sql`${auditEvents.action} like ${q.action.replace(/[\\%_]/g, (m) => `\\${m}`) + '%'}`)
  if (q.actor) parts.push(eq(auditEvents.actorId, q.actor))
  if (q.from) parts.push(gte(auditEvents.createdAt, new Date(instantOf(tz, dayNumber(q.from), 0))))
  if (q.to) parts.push(lt(auditEvents.createdAt, new Date(instantOf(tz, dayNumber(q.to) + 1, 0))))
  if (q.before) parts.push(lt(auditEvents.seq, q.before))
  const rows = await db.select({ e: auditEvents, actor: users.name }).from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(...parts)).orderBy(desc(auditEvents.seq)).limit(AUDIT_PAGE + 1)
  const page = rows.slice(0, AUDIT_PAGE)
  return { query: q, rows: page, nextBefore: rows.length > AUDIT_PAGE ? page[page.length - 1].e.seq : null, fieldErrors: null }
}
