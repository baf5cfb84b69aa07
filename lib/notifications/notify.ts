import 'server-only'
import { randomUUID } from 'node:crypto'
import { and, eq, inArray } from 'drizzle-orm'
import { memberships, notificationPreferences, notifications, users, webhookEndpoints } from '@/db/schema'
import { inTeamSql } from '@/lib/teams/queries'
import type { NotificationEvent } from '@/db/schema/notifications'
import type { DbOrTx } from '@/db/client'
import type { Ctx } from '@/lib/auth/ctx-type'
import { enqueueJobs, type NewJob } from '@/lib/jobs/enqueue'
import type { TicketRow } from '@/lib/tickets/internal/load'
import { statusLabels } from '@/lib/tickets/workflow'
import { appOrigin } from '@/lib/http/app-origin'
import { mailDomain, ticketThreadId } from './config'
import { renderMessage } from './templates'
import { webhookTicket } from './recheck'

export type TicketNotice = {
  event: NotificationEvent
  /** Public text to quote (a public reply, a resolution note). Internal notes never get here. */
  excerpt?: string | null
  /** Extra people, e.g. admins for SLA events. */
  also?: string[]
}

/** Who hears about what (§10); the actor never notifies themselves. */
function audience(ctx: Ctx, ticket: TicketRow, n: TicketNotice): string[] {
  const base: (string | null)[] = (() => {
    switch (n.event) {
      case 'ticket.created': return [ticket.requesterId]
      case 'ticket.assigned': return [ticket.assigneeId]
      case 'ticket.replied': return ctx.user.id === ticket.requesterId ? [ticket.assigneeId] : [ticket.requesterId]
      case 'ticket.status_changed':
      case 'ticket.resolved': return [ticket.requesterId]
      case 'sla.at_risk':
      case 'sla.breached': return [ticket.assigneeId]
      // Team events name their audience (the team's members, or admins) in `also`.
      case 'ticket.queued':
      case 'ticket.rejected': return []
    }
  })()
  const ids = new Set([...base, ...(n.also ?? [])].filter((id): id is string => !!id))
  // The creation receipt goes to the requester even when they filed it themselves.
  if (n.event !== 'ticket.created') ids.delete(ctx.user.id)
  return [...ids]
}

/**
 * The transactional outbox (§10): called inside the transaction that changes the ticket,
 * it writes the in-app notifications and the delivery jobs (email, webhooks) for the
 * event, so a notification exists exactly when its change commits. People who may not
 * see the ticket (§6) are dropped here, on the one path every notification takes.
 */
export async function notifyTicket(tx: DbOrTx, ctx: Ctx, ticket: TicketRow, notice: TicketNotice) {
  await notifyTickets(tx, ctx, [{ ticket, notice }])
}

/**
 * The same for many tickets at once (the SLA sweep): a fixed number of queries per
 * batch — recipients, preferences and webhooks are read once, rows inserted together.
 */
export async function notifyTickets(tx: DbOrTx, ctx: Ctx, items: { ticket: TicketRow; notice: TicketNotice }[]) {
  const orgId = ctx.org.id
  const audiences = items.map((it) => audience(ctx, it.ticket, it.notice))
  const ids = [...new Set(audiences.flat())]
  const jobs: NewJob[] = []
  const inApp: (typeof notifications.$inferInsert)[] = []
  // Recipients, their preferences and the org's webhooks in one round trip (sent together).
  const [peopleRows, prefRows, hooks] = await Promise.all([
    ids.length ? tx.select({
      id: users.id, name: users.name, email: users.email, role: memberships.role,
      cleared: inTeamSql(orgId, users.id, { restricted: true }),
    }).from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.organizationId, orgId), eq(memberships.active, true), inArray(memberships.userId, ids))) : [],
    ids.length ? tx.select().from(notificationPreferences)
      .where(and(eq(notificationPreferences.organizationId, orgId), inArray(notificationPreferences.userId, ids))) : [],
    tx.select({ id: webhookEndpoints.id }).from(webhookEndpoints)
      .where(and(eq(webhookEndpoints.organizationId, orgId), eq(webhookEndpoints.active, true))),
  ])
  if (ids.length > 0) {
    const people = new Map(peopleRows.map((p) => [p.id, p]))
    const prefs = new Map(prefRows.map((p) => [`${p.userId}|${p.event}`, p]))

    items.forEach(({ ticket, notice }, i) => {
      for (const id of audiences[i]) {
        const p = people.get(id)
        if (!p) continue
        if (ticket.sensitive && !(p.role === 'admin' || p.cleared || p.id === ticket.requesterId)) continue
        const pref = prefs.get(`${p.id}|${notice.event}`)
        const staff = p.role !== 'requester'
        const link = `${appOrigin()}/${ctx.org.slug}/${staff ? 'tickets' : 'portal'}/${ticket.number}`
        const msg = renderMessage({
          event: notice.event, orgName: ctx.org.name, number: ticket.number, title: ticket.title, link,
          recipientName: p.name, actorName: ctx.user.name, excerpt: notice.excerpt, status: statusLabels[ticket.status],
        })
        if (pref?.inApp ?? true) {
          inApp.push({ organizationId: orgId, userId: p.id, event: notice.event, ticketNumber: ticket.number, title: msg.headline, body: ticket.title })
        }
        if (pref?.email ?? true) {
          const thread = ticketThreadId(ticket.id)
          jobs.push({
            organizationId: orgId, queue: 'email',
            payload: {
              // userId + ticketNumber: the worker checks again, at delivery, that they may still see it.
              to: p.email, userId: p.id, ticketNumber: ticket.number, event: notice.event, subject: msg.subject, text: msg.text, html: msg.html,
              messageId: `<${randomUUID()}@${mailDomain()}>`, inReplyTo: thread, references: [thread],
            },
          })
        }
      }
    })
  }

  for (const h of hooks) {
    for (const { ticket, notice } of items) {
      jobs.push({
        organizationId: orgId, queue: 'webhook',
        payload: {
          endpointId: h.id, event: notice.event, occurredAt: new Date().toISOString(),
          // A sensitive ticket's gateway message says only that something happened.
          ticket: webhookTicket(ticket, notice.excerpt ?? null, `${appOrigin()}/${ctx.org.slug}/tickets/${ticket.number}`),
          organization: ctx.org.slug,
        },
      })
    }
  }
  await Promise.all([inApp.length ? tx.insert(notifications).values(inApp) : null, enqueueJobs(tx, jobs)])
}
