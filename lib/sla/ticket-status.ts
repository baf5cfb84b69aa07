import type { TicketStatus } from '@/db/schema/tickets'
import { slaStatus, type SlaStatus, type SlaTargetState } from './status'

// The SLA status of a stored ticket, from its stored deadlines (see recompute.ts). Client-safe.
// `slaStatusSql` (status-sql.ts) is the same rule in SQL for lists, filters and counts; the
// two are tested against each other on tickets in every state (ticket-status.db.test.ts).

export type TicketSlaFacts = {
  status: TicketStatus
  slaPolicyId: string | null
  firstResponseAt: Date | null
  resolvedAt: Date | null
  responseDueAt: Date | null
  responseAtRiskAt: Date | null
  resolutionDueAt: Date | null
  resolutionAtRiskAt: Date | null
}

const done = (s: TicketStatus) => s === 'resolved' || s === 'closed'
const ms = (d: Date | null) => (d ? d.getTime() : null)

/**
 * A stopped clock stores a null due date, unless the deadline had already passed before
 * it stopped (a breach stands): so a resolved ticket's resolution due is null when met.
 */
export function resolutionState(t: TicketSlaFacts, now: Date): SlaTargetState | null {
  if (!t.slaPolicyId) return null
  const due = ms(t.resolutionDueAt)
  if (due !== null && due < (ms(t.resolvedAt) ?? now.getTime())) return 'breached'
  if (done(t.status)) return 'met'
  if (due === null) return 'paused'
  if ((ms(t.resolutionAtRiskAt) ?? Infinity) <= now.getTime()) return 'at_risk'
  return 'on_track'
}

export function responseState(t: TicketSlaFacts, now: Date): SlaTargetState | null {
  if (!t.slaPolicyId) return null
  const due = ms(t.responseDueAt)
  if (t.firstResponseAt) return due !== null && t.firstResponseAt.getTime() > due ? 'breached' : 'met'
  if (due !== null && due < now.getTime()) return 'breached'
  if (done(t.status)) return 'met'
  if (due === null) return 'paused'
  if ((ms(t.responseAtRiskAt) ?? Infinity) <= now.getTime()) return 'at_risk'
  return 'on_track'
}

/**
 * The deadline that matters next: the response due while nobody has answered, else the
 * resolution due; none once the ticket is resolved, closed or cancelled. Same as `slaDueSql`.
 */
export function nextSlaDue(t: TicketSlaFacts): Date | null {
  if (!t.slaPolicyId || done(t.status) || t.status === 'cancelled') return null
  return t.firstResponseAt ? t.resolutionDueAt : t.responseDueAt
}

export function ticketSla(t: TicketSlaFacts, now: Date): {
  status: SlaStatus | null; response: SlaTargetState | null; resolution: SlaTargetState | null; nextDue: Date | null
} {
  const response = responseState(t, now)
  const resolution = resolutionState(t, now)
  return { status: slaStatus({ response, resolution }), response, resolution, nextDue: nextSlaDue(t) }
}
