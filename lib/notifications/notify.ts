import 'server-only'
import { publishLive } from '@/lib/live/publish'
import { randomUUID } from 'node:crypto'
import { and, asc, eq, inArray } from 'drizzle-orm'
import { memberships, notificationPreferences, notifications, ticketCc, ticketWatchers, users, webhookEndpoints } from '@/db/schema'
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

/** Who hears about what (§10), plus the ticket's watchers; the actor never notifies themselves. */
function audience(ctx: Ctx, ticket: TicketRow, n: TicketNotice, watchers: string[]): { ids: string[]; onlyWatching: Set<string> } {
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
  const direct = new Set([...base, ...(n.also ?? [])].filter((id): id is string => !!id))
  const ids = new Set([...direct, ...watchers])
  // The creation receipt goes to the requester even when they filed it themselves.
  if (n.event !== 'ticket.created') ids.delete(ctx.user.id)
  return { ids: [...ids], onlyWatching: new Set(watchers.filter((id) => !direct.has(id))) }
}

/** Copied addresses (ticket_cc) hear of public replies only, and never of a sensitive ticket. */
const reachesCc = (ticket: TicketRow, n: TicketNotice) => n.event === 'ticket.replied' && !ticket.sensitive

function groupBy<T, K>(rows: T[], key: (r: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>()
  for (const r of rows) {
    const list = out.get(key(r))
    if (list) list.push(r)
    else out.set(key(r), [r])
  }
  return out
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
 * batch — watchers, copied addresses, recipients, preferences and webhooks are read once
 * (in two round trips), rows inserted together.
 */
export async function notifyTickets(tx: DbOrTx, ctx: Ctx, items: { ticket: TicketRow; notice: TicketNotice }[]) {
  const orgId = ctx.org.id
  // Watchers hear of everything after the creation receipt; copied addresses of public replies.
  const watched = [...new Set(items.filter((it) => it.notice.event !== 'ticket.created').map((it) => it.ticket.id))]
  const copied = [...new Set(items.filter((it) => reachesCc(it.ticket, it.notice)).map((it) => it.ticket.id))]
  // Watchers, copied addresses and the org's webhooks in one round trip (sent together) ...
  const [watchRows, ccRows, hooks] = await Promise.all([
    watched.length ? tx.select({ ticketId: ticketWatchers.ticketId, userId: ticketWatchers.userId }).from(ticketWatchers)
      .where(and(eq(ticketWatchers.organizationId, orgId), inArray(ticketWatchers.ticketId, watched))) : [],
    copied.length ? tx.select({ ticketId: ticketCc.ticketId, email: ticketCc.email }).from(ticketCc)
      .where(and(eq(ticketCc.organizationId, orgId), inArray(ticketCc.ticketId, copied))).orderBy(asc(ticketCc.createdAt), asc(ticketCc.email)) : [],
    tx.select({ id: webhookEndpoints.id }).from(webhookEndpoints)
      .where(and(eq(webhookEndpoints.organizationId, orgId), eq(webhookEndpoints.active, true))),
  ])
  const watchersOf = groupBy(watchRows, (r) => r.ticketId)
  const ccOf = groupBy(ccRows, (r) => r.ticketId)
  const audiences = items.map((it) => audience(ctx, it.ticket, it.notice, (watchersOf.get(it.ticket.id) ?? []).map((w) => w.userId)))
  const ids = [...new Set(audiences.flatMap((a) => a.ids))]
  const jobs: NewJob[] = []
  const inApp: (typeof notifications.$inferInsert)[] = []
  // ... then the recipients and their preferences in a second.
  const [peopleRows, prefRows] = await Promise.all([
    ids.length ? tx.select({
      id: users.id, name: users.name, email: users.email, role: memberships.role,
      cleared: inTeamSql(orgId, users.id, { restricted: true }),
    }).from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.organizationId, orgId), eq(memberships.active, true), inArray(memberships.userId, ids))) : [],
    ids.length ? tx.select().from(notificationPreferences)
      .where(and(eq(notificationPreferences.organizationId, orgId), inArray(notificationPreferences.userId, ids))) : [],
  ])
  const people = new Map(peopleRows.map((p) => [p.id, p]))
  const prefs = new Map(prefRows.map((p) => [`${p.userId}|${p.event}`, p]))
  const thread = (ticket: TicketRow) => ticketThreadId(ticket.id)

  items.forEach(({ ticket, notice }, i) => {
    const { ids: recipients, onlyWatching } = audiences[i]
    for (const id of recipients) {
      const p = people.get(id)
      if (!p) continue
      if (ticket.sensitive && !(p.role === 'admin' || p.cleared || p.id === ticket.requesterId)) continue
      const watching = onlyWatching.has(p.id)
      // Following is for staff; one who has since become a requester no longer sees other people's tickets.
      if (watching && p.role === 'requester') continue
      const pref = prefs.get(`${p.id}|${notice.event}`)
      const staff = p.role !== 'requester'
      const link = `${appOrigin()}/${ctx.org.slug}/${staff ? 'tickets' : 'portal'}/${ticket.number}`
      const msg = renderMessage({
        event: notice.event, orgName: ctx.org.name, number: ticket.number, title: ticket.title, link, watching,
        recipientName: p.name, actorName: ctx.user.name, excerpt: notice.excerpt, status: statusLabels[ticket.status],
      })
      if (pref?.inApp ?? true) {
        inApp.push({ organizationId: orgId, userId: p.id, event: notice.event, ticketNumber: ticket.number, title: msg.headline, body: ticket.title })
      }
      if (pref?.email ?? true) {
        jobs.push({
          organizationId: orgId, queue: 'email',
          payload: {
            // userId + ticketNumber: the worker checks again, at delivery, that they may still see it.
            to: p.email, userId: p.id, ticketNumber: ticket.number, event: notice.event, subject: msg.subject, text: msg.text, html: msg.html,
            messageId: `<${randomUUID()}@${mailDomain()}>`, inReplyTo: thread(ticket), references: [thread(ticket)],
          },
        })
      }
    }

    // Copied addresses: the public reply by email, once per address, never to someone it already reaches.
    if (!reachesCc(ticket, notice)) return
    const reached = new Set([ctx.user.email, ...recipients.map((id) => people.get(id)?.email)].filter((e): e is string => !!e).map((e) => e.toLowerCase()))
    for (const { email } of ccOf.get(ticket.id) ?? []) {
      if (reached.has(email)) continue
      reached.add(email)
      const msg = renderMessage({
        event: notice.event, orgName: ctx.org.name, number: ticket.number, title: ticket.title, link: null, copied: true,
        recipientName: null, actorName: ctx.user.name, excerpt: notice.excerpt, status: statusLabels[ticket.status],
      })
      jobs.push({
        organizationId: orgId, queue: 'email',
        payload: {
          // `cc` + ticketNumber: at delivery the worker checks the address is still copied and the ticket still not sensitive.
          to: email, cc: true, userId: null, ticketNumber: ticket.number, event: notice.event, subject: msg.subject, text: msg.text, html: msg.html,
          messageId: `<${randomUUID()}@${mailDomain()}>`, inReplyTo: thread(ticket), references: [thread(ticket)],
        },
      })
    }
  })

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
  await Promise.all([
    inApp.length ? tx.insert(notifications).values(inApp) : null, enqueueJobs(tx, jobs),
    // The bells of the people notified update live (issue 16).
    inApp.length ? publishLive(tx, [{ o: orgId, k: 'inbox', u: [...new Set(inApp.map((n) => n.userId))] }]) : null,
  ])
}
