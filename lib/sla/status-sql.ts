import 'server-only'
import { sql, type SQL } from 'drizzle-orm'
import { tickets } from '@/db/schema'
import type { SlaStatus, SlaTargetState } from './status'

// The rules of ticket-status.ts in SQL, so lists filter, count and sort by SLA status in
// the database. Keep the two in step: ticket-status.db.test.ts compares them.

const done = sql`${tickets.status} in ('resolved', 'closed')`

export const resolutionStateSql = sql<SlaTargetState | null>`(case
  when ${tickets.slaPolicyId} is null then null
  when ${tickets.resolutionDueAt} < coalesce(${tickets.resolvedAt}, now()) then 'breached'
  when ${done} then 'met'
  when ${tickets.resolutionDueAt} is null then 'paused'
  when ${tickets.resolutionAtRiskAt} <= now() then 'at_risk'
  else 'on_track' end)`

export const responseStateSql = sql<SlaTargetState | null>`(case
  when ${tickets.slaPolicyId} is null then null
  when ${tickets.firstResponseAt} is not null then
    case when ${tickets.firstResponseAt} > ${tickets.responseDueAt} then 'breached' else 'met' end
  when ${tickets.responseDueAt} < now() then 'breached'
  when ${done} then 'met'
  when ${tickets.responseDueAt} is null then 'paused'
  when ${tickets.responseAtRiskAt} <= now() then 'at_risk'
  else 'on_track' end)`

/** §5 status per ticket, combined in the order of `slaStatus` (status.ts). */
export const slaStatusSql = sql<SlaStatus | null>`(case
  when ${tickets.slaPolicyId} is null then null
  when ${resolutionStateSql} = 'breached' then 'breached_resolution'
  when ${responseStateSql} = 'breached' then 'breached_response'
  when ${resolutionStateSql} = 'met' and ${responseStateSql} = 'met' then 'met'
  when 'paused' in (${resolutionStateSql}, ${responseStateSql}) then 'paused'
  when 'at_risk' in (${resolutionStateSql}, ${responseStateSql}) then 'at_risk'
  else 'on_track' end)`

/** The next live deadline (`nextSlaDue`): response while unanswered, else resolution. */
export const slaDueSql: SQL<Date | null> = sql`(case
  when ${tickets.slaPolicyId} is null or ${tickets.status} in ('resolved', 'closed', 'cancelled') then null
  when ${tickets.firstResponseAt} is null then ${tickets.responseDueAt}
  else ${tickets.resolutionDueAt} end)`.mapWith(tickets.resolutionDueAt)
