import 'server-only'
import { and, eq, gte, isNotNull, isNull, sql } from 'drizzle-orm'
import { z } from 'zod'
import { tickets } from '@/db/schema'
import { getDb } from '@/db/client'
import type { Ctx } from '@/lib/auth/ctx-type'
import { authorize } from '@/lib/authz/can'
import { responseStateSql, resolutionStateSql } from './status-sql'

export const reportPeriods = [7, 30, 90] as const
export const SlaReportQuery = z.object({
  days: z.coerce.number().refine((d): d is (typeof reportPeriods)[number] => (reportPeriods as readonly number[]).includes(d)).catch(30),
})

export type TargetCompliance = { met: number; breached: number; running: number; percent: number | null }

/**
 * SLA compliance over tickets created in the last `days` with a policy: per target, met vs
 * breached (the same derived states as the list); targets still running are counted apart
 * and left out of the percentage.
 */
export async function slaCompliance(ctx: Ctx, raw: unknown) {
  authorize(ctx, 'settings:manage')
  const { days } = SlaReportQuery.parse(raw ?? {})
  const db = await getDb()
  const n = (expr: ReturnType<typeof sql>) => sql<number>`count(*) filter (where ${expr})::int`
  const [row] = await db.select({
    total: sql<number>`count(*)::int`,
    responseMet: n(sql`${responseStateSql} = 'met'`), responseBreached: n(sql`${responseStateSql} = 'breached'`),
    resolutionMet: n(sql`${resolutionStateSql} = 'met'`), resolutionBreached: n(sql`${resolutionStateSql} = 'breached'`),
  }).from(tickets).where(and(
    eq(tickets.organizationId, ctx.org.id), isNull(tickets.deletedAt), isNotNull(tickets.slaPolicyId),
    gte(tickets.createdAt, sql`now() - make_interval(days => ${days})`),
  ))
  const target = (met: number, breached: number): TargetCompliance => ({
    met, breached, running: row.total - met - breached, percent: met + breached ? Math.round((1000 * met) / (met + breached)) / 10 : null,
  })
  return { days, total: row.total, response: target(row.responseMet, row.responseBreached), resolution: target(row.resolutionMet, row.resolutionBreached) }
}
