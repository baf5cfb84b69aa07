import 'server-only'
import { and, eq, isNull } from 'drizzle-orm'
import { memberships, organizations, ticketCc, tickets } from '@/db/schema'
import { inTeamSql } from '@/lib/teams/queries'
import type { DbOrTx } from '@/db/client'
import type { Ctx } from '@/lib/auth/ctx-type'
import { visibleTickets } from '@/lib/authz/visibility'

/*
 * The outbox is checked again when a job is delivered, not only when it is written.
 * A job may wait minutes (a retry's backoff, an SMTP outage, an admin's "retry" of a dead
 * letter days later) and meanwhile the ticket may become sensitive, move team, or its
 * reader lose clearance or membership. Re-checking at delivery covers every such cause
 * with one rule; deleting waiting jobs in the transaction of each change would need every
 * present and future cause to find them (jobs are keyed by nothing but id and payload).
 */

/** The webhook message's view of a ticket: a sensitive one says only that something happened (§10). */
export type WebhookTicket = {
  number: number; status: string; priority: string; sensitive: boolean; url: string
  title?: string; excerpt?: string | null
}

export function webhookTicket(
  ticket: { number: number; status: string; priority: string; sensitive: boolean; title: string },
  excerpt: string | null, url: string,
): WebhookTicket {
  const { number, status, priority, sensitive } = ticket
  return { number, status, priority, sensitive, ...(sensitive ? {} : { title: ticket.title, excerpt }), url }
}

/**
 * Whether `userId` may, right now, see ticket `number` of the organisation: their active
 * membership and clearance, read fresh, through the one visibility rule.
 */
export async function recipientSeesTicket(db: DbOrTx, orgId: string, userId: string, number: number): Promise<boolean> {
  const [m] = await db.select({
    org: { id: organizations.id, slug: organizations.slug, name: organizations.name, settings: organizations.settings },
    role: memberships.role,
    cleared: inTeamSql(memberships.organizationId, memberships.userId, { restricted: true }),
  }).from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(and(eq(memberships.organizationId, orgId), eq(memberships.userId, userId), eq(memberships.active, true))).limit(1)
  if (!m) return false
  const ctx: Ctx = { user: { id: userId, email: '', name: '' }, actor: { kind: 'user', userId }, org: m.org, role: m.role, cleared: m.cleared, ip: null }
  const [t] = await db.select({ id: tickets.id }).from(tickets)
    .where(and(visibleTickets(ctx, { includeDeleted: true }), eq(tickets.number, number))).limit(1)
  return !!t
}

/**
 * Whether an address copied on ticket `number` may still be sent its public replies: the
 * address is still on the ticket, and the ticket is neither deleted nor sensitive — a
 * ticket that became sensitive since the reply stops reaching people outside it.
 */
export async function ccStillCopied(db: DbOrTx, orgId: string, email: string, number: number): Promise<boolean> {
  const [row] = await db.select({ one: ticketCc.email }).from(ticketCc)
    .innerJoin(tickets, and(eq(tickets.organizationId, ticketCc.organizationId), eq(tickets.id, ticketCc.ticketId)))
    .where(and(eq(ticketCc.organizationId, orgId), eq(tickets.number, number), eq(ticketCc.email, email),
      isNull(tickets.deletedAt), eq(tickets.sensitive, false))).limit(1)
  return !!row
}

/**
 * A waiting webhook's ticket as it may be sent now: if the ticket has become sensitive
 * since the job was written, its title and excerpt are dropped before anything goes out.
 */
export async function currentWebhookPayload(db: DbOrTx, orgId: string | null, payload: Record<string, unknown>): Promise<Record<string, unknown>> {
  const t = payload.ticket as WebhookTicket | undefined
  if (!orgId || !t || typeof t.number !== 'number' || t.sensitive) return payload
  const [row] = await db.select({ sensitive: tickets.sensitive }).from(tickets)
    .where(and(eq(tickets.organizationId, orgId), eq(tickets.number, t.number))).limit(1)
  if (!row?.sensitive) return payload
  // Nor is the requester texted about it any more (the sms part, lib/notifications/notify.ts).
  const rest = { ...payload }
  delete rest.sms
  return { ...rest, ticket: webhookTicket({ ...t, title: '', sensitive: true }, null, t.url) }
}
