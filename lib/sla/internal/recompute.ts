import 'server-only'
import { and, asc, eq, isNull, or } from 'drizzle-orm'
import { slaCalendars, slaPolicies, statusHistory, tickets, type TicketStatus } from '@/db/schema'
import type { DbOrTx } from '@/db/client'
import type { Ctx } from '@/lib/auth/ctx-type'
import type { TicketRow } from '@/lib/tickets/internal/load'
import { officeHours, type Calendar } from '../calendar'
import { slaDeadline, type Pause } from '../clock'
import { AT_RISK_RATIO } from '../status'

/** Statuses in which the SLA clock stands still (§5): waiting on someone else, or done. */
const STOPPED: ReadonlySet<TicketStatus> = new Set(['pending', 'on_hold', 'resolved', 'closed', 'cancelled'])

export async function loadCalendar(tx: DbOrTx, org: Ctx['org']): Promise<Calendar> {
  const [row] = await tx.select().from(slaCalendars).where(eq(slaCalendars.organizationId, org.id))
  if (!row) return officeHours(org.settings.timezone)
  return { timeZone: row.timeZone, mode: 'business', weekly: row.weekly, holidays: row.holidays, holidayNames: row.holidays.map((d) => row.holidayNames[d] ?? '') }
}

/** The active policy for a ticket: its category's, else its priority's default. */
export async function findPolicy(tx: DbOrTx, orgId: string, priority: TicketRow['priority'], categoryId: string | null) {
  const rows = await tx.select().from(slaPolicies).where(and(
    eq(slaPolicies.organizationId, orgId), eq(slaPolicies.priority, priority), eq(slaPolicies.active, true),
    categoryId ? or(eq(slaPolicies.categoryId, categoryId), isNull(slaPolicies.categoryId)) : isNull(slaPolicies.categoryId),
  ))
  return rows.find((p) => p.categoryId !== null) ?? rows[0] ?? null
}

/** Stretches spent in a stopped status, from the status history (an open one last). */
export function pausesFrom(history: { toStatus: TicketStatus; createdAt: Date }[]): Pause[] {
  const pauses: Pause[] = []
  let open: Date | null = null
  for (const h of history) {
    if (STOPPED.has(h.toStatus)) open ??= h.createdAt
    else if (open) { pauses.push({ from: open, to: h.createdAt }); open = null }
  }
  if (open) pauses.push({ from: open, to: null })
  return pauses
}

/**
 * Recomputes a ticket's deadlines inside the caller's transaction: at creation, on a
 * priority or category change, and on every status change (pauses). Deadlines are stored
 * as instants, with the 75 % marks, so lists and the sweep only compare them with now().
 */
export async function recomputeSla(tx: DbOrTx, ctx: Pick<Ctx, 'org'>, ticket: TicketRow) {
  // The policy, the calendar and the status history are read together (one round trip on
  // Postgres); the last two are only used when a policy applies, which is almost always.
  const [policy, base, history] = await Promise.all([
    findPolicy(tx, ctx.org.id, ticket.priority, ticket.categoryId),
    loadCalendar(tx, ctx.org),
    tx.select({ toStatus: statusHistory.toStatus, createdAt: statusHistory.createdAt }).from(statusHistory)
      .where(and(eq(statusHistory.organizationId, ctx.org.id), eq(statusHistory.ticketId, ticket.id)))
      .orderBy(asc(statusHistory.createdAt), asc(statusHistory.id)),
  ])
  const patch = slaFields(policy, base, ticket, history)
  await tx.update(tickets).set(patch).where(and(eq(tickets.organizationId, ctx.org.id), eq(tickets.id, ticket.id)))
  Object.assign(ticket, patch)
}

type SlaFields = Pick<TicketRow, 'slaPolicyId' | 'responseDueAt' | 'responseAtRiskAt' | 'resolutionDueAt' | 'resolutionAtRiskAt' | 'slaPausedAt'>

/**
 * A ticket's SLA columns from its policy, the org's calendar and its status history: no
 * database, so a new ticket gets them in its INSERT (createTicket reads the policy and the
 * calendar together with its other lookups) and a changed one in recomputeSla's UPDATE.
 */
export function slaFields(
  policy: Awaited<ReturnType<typeof findPolicy>>, base: Calendar,
  ticket: Pick<TicketRow, 'status' | 'createdAt' | 'firstResponseAt'>, history: { toStatus: TicketStatus; createdAt: Date }[],
): SlaFields {
  const patch: SlaFields = {
    // A cancelled ticket has no SLA at all.
    slaPolicyId: ticket.status === 'cancelled' ? null : policy?.id ?? null, responseDueAt: null, responseAtRiskAt: null,
    resolutionDueAt: null, resolutionAtRiskAt: null, slaPausedAt: null,
  }
  if (!policy || ticket.status === 'cancelled') return patch
  const calendar: Calendar = policy.businessHours ? base : { ...base, mode: '24x7' }
  const pauses = pausesFrom(history)
  // The response clock ends at the first response: later waiting doesn't touch its deadline.
  const fr = ticket.firstResponseAt
  const responsePauses = fr
    ? pauses.filter((p) => p.from < fr).map((p) => (p.to === null || p.to > fr ? { from: p.from, to: fr } : p))
    : pauses
  const due = (minutes: number, ps: Pause[]) => slaDeadline(calendar, ticket.createdAt, minutes, ps).due
  patch.responseDueAt = due(policy.responseMinutes, responsePauses)
  patch.responseAtRiskAt = due(policy.responseMinutes * AT_RISK_RATIO, responsePauses)
  patch.resolutionDueAt = due(policy.resolutionMinutes, pauses)
  patch.resolutionAtRiskAt = due(policy.resolutionMinutes * AT_RISK_RATIO, pauses)
  const last = pauses.at(-1)
  patch.slaPausedAt = last && last.to === null ? last.from : null
  return patch
}
