import 'server-only'
import { and, eq, inArray, isNull, sql } from 'drizzle-orm'
import { memberships, organizations, teamMembers, tickets } from '@/db/schema'
import type { SlaTarget } from '@/db/schema/sla'
import type { Db } from '@/db/client'
import { recordedActor, systemCtx } from '@/lib/auth/system'
import { recordAudits } from '@/lib/audit/record'
import { notifyTickets } from '@/lib/notifications/notify'

export const SLA_SWEEP_EVERY_MS = 60_000
const BATCH = 500

type Kind = 'at_risk' | 'breached'

// Which column marks the moment, and what "not yet met" means, per target.
const columns = {
  response: { atRisk: 'response_at_risk_at', due: 'response_due_at', open: sql`first_response_at is null` },
  resolution: { atRisk: 'resolution_at_risk_at', due: 'resolution_due_at', open: sql`resolved_at is null` },
} as const

/**
 * The breach sweep (§5): records each ticket's at-risk and breach moments once per target
 * in `sla_events`, escalates breaches (`escalated_at`, with its audit event) and notifies
 * the assignee, the ticket's team and, for breaches, the admins through the outbox (§10).
 * The insert … on conflict do nothing … returning is the claim: with several workers at
 * once, only the one whose row went in acts on it, so nothing is escalated or sent twice.
 */
export async function sweepSla(db: Db): Promise<{ atRisk: number; breached: number }> {
  const orgs = await db.select({ id: organizations.id, slug: organizations.slug, name: organizations.name, settings: organizations.settings }).from(organizations)
  const totals = { atRisk: 0, breached: 0 }
  for (const org of orgs) {
    for (const target of ['response', 'resolution'] as const) {
      for (const kind of ['breached', 'at_risk'] as const) {
        for (;;) {
          const n = await sweepBatch(db, org, target, kind)
          totals[kind === 'breached' ? 'breached' : 'atRisk'] += n
          if (n < BATCH) break
        }
      }
    }
  }
  return totals
}

async function sweepBatch(db: Db, org: Parameters<typeof systemCtx>[0], target: SlaTarget, kind: Kind): Promise<number> {
  const c = columns[target]
  const moment = sql.raw(kind === 'breached' ? c.due : c.atRisk)
  const due = sql.raw(c.due)
  return db.transaction(async (tx) => {
    const claimed = await tx.execute<{ ticket_id: string }>(sql`
      insert into sla_events (organization_id, ticket_id, target, kind, due_at)
      select t.organization_id, t.id, ${target}, ${kind}, t.${due}
      from tickets t
      where t.organization_id = ${org.id} and t.deleted_at is null and ${c.open} and t.${moment} <= now()
        and t.status in ('new', 'open', 'in_progress')
        and not exists (select 1 from sla_events e where e.organization_id = t.organization_id and e.ticket_id = t.id
          and e.target = ${target} and e.kind = ${kind})
      order by t.${moment}
      limit ${BATCH}
      on conflict do nothing
      returning ticket_id`)
    const ids = (Array.isArray(claimed) ? claimed : (claimed as { rows: { ticket_id: string }[] }).rows).map((r) => r.ticket_id)
    if (ids.length === 0) return 0
    const scope = and(eq(tickets.organizationId, org.id), inArray(tickets.id, ids))
    const ctx = systemCtx(org)
    if (kind === 'breached') {
      // A ticket escalates once, whichever of its targets breaches first. `escalated_at is
      // null` is re-checked under the row lock the update takes, so of two sweeps claiming
      // a ticket's two targets at once only one sets it and records it (old → new).
      const escalated = await tx.update(tickets).set({ escalatedAt: sql`now()` }).where(and(scope, isNull(tickets.escalatedAt)))
        .returning({ id: tickets.id, escalatedAt: tickets.escalatedAt })
      await recordAudits(tx, recordedActor(ctx), escalated.map((t) => ({
        entityType: 'ticket', entityId: t.id, action: 'ticket.escalated', changes: { escalatedAt: [null, t.escalatedAt] },
      })))
    }
    const rows = await tx.select().from(tickets).where(scope)
    const teamIds = [...new Set(rows.map((t) => t.teamId).filter((id): id is string => !!id))]
    const [admins, members] = await Promise.all([
      // Breaches escalate to the org's admins as well (§5).
      kind === 'breached'
        ? tx.select({ id: memberships.userId }).from(memberships)
          .where(and(eq(memberships.organizationId, org.id), eq(memberships.role, 'admin'), eq(memberships.active, true)))
        : [],
      teamIds.length
        ? tx.select({ teamId: teamMembers.teamId, userId: teamMembers.userId }).from(teamMembers)
          .where(and(eq(teamMembers.organizationId, org.id), inArray(teamMembers.teamId, teamIds)))
        : [],
    ])
    const excerpt = `${target === 'response' ? 'First response' : 'Resolution'} target`
    const event = kind === 'breached' ? 'sla.breached' : 'sla.at_risk'
    // The team's members hear of their tickets too. notifyTickets drops anyone who may not
    // see the ticket (a sensitive one: cleared people and admins only), inactive members,
    // and duplicates (the assignee who is also in the team gets one notice).
    await notifyTickets(tx, ctx, rows.map((ticket) => ({
      ticket,
      notice: { event, excerpt, also: [...admins.map((a) => a.id), ...members.filter((m) => m.teamId === ticket.teamId).map((m) => m.userId)] },
    })))
    return ids.length
  })
}
