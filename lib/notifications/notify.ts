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
import { eventSetting } from './org-settings'

export type TicketNotice = {
  event: NotificationEvent
  /** Public text to quote (a public reply, a resolution note). Internal notes never get here. */
  excerpt?: string | null
  /** Extra people, e.g. admins for SLA events. */
  also?: string[]
}

/**
 * Who hears about what (§10, as the org set it on settings → notifications), plus the
 * ticket's watchers; the actor never notifies themselves. An event the org switched off
 * reaches no one, watchers included.
 */
function audience(ctx: Ctx, ticket: TicketRow, n: TicketNotice, watchers: string[]): { ids: string[]; onlyWatching: Set<string> } {
  const s = eventSetting(ctx.org.settings, n.event)
  if (!s.enabled) return { ids: [], onlyWatching: new Set() }
  const requester = s.requester ? ticket.requesterId : null
  const assignee = s.assignee ? ticket.assigneeId : null
  const base: (string | null)[] = (() => {
    switch (n.event) {
      // A reply goes to the other side: the requester's reply to the assignee, staff's to the requester.
      case 'ticket.replied': return ctx.user.id === ticket.requesterId ? [assignee] : [requester]
      // Team events name their audience (the team's members, or admins) in `also`.
      case 'ticket.queued':
      case 'ticket.rejected': return []
      default: return [requester, assignee]
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
      id: users.id, name: users.name, email: users.email, phone: users.phone, role: memberships.role,
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
  const templateOf = (event: NotificationEvent) => {
    const s = eventSetting(ctx.org.settings, event)
    return { subject: s.subject, body: s.body }
  }

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
        toRequester: p.id === ticket.requesterId, template: templateOf(notice.event),
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
        recipientName: null, actorName: ctx.user.name, excerpt: notice.excerpt, status: statusLabels[ticket.status], template: templateOf(notice.event),
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

  // The SMS/WhatsApp channel: the gateway behind a webhook texts the requester, when the event
  // reaches them, they gave a number, and the ticket is not sensitive (a text on a shared phone
  // would reveal it; §6). Only the headline and link go out, never the title or an excerpt.
  const smsOf = (i: number) => {
    const { ticket, notice } = items[i]
    const r = people.get(ticket.requesterId)
    if (!ctx.org.settings.notifications?.smsWebhook || ticket.sensitive || !r?.phone || !audiences[i].ids.includes(r.id)) return undefined
    const head = renderMessage({ event: notice.event, orgName: ctx.org.name, number: ticket.number, title: '', link: null, recipientName: null,
      actorName: ctx.user.name, status: statusLabels[ticket.status], toRequester: true }).headline
    return { to: r.phone, text: `${ctx.org.name}: ${head}. ${appOrigin()}/${ctx.org.slug}/portal/${ticket.number}` }
  }
  for (const h of hooks) {
    for (const [i, { ticket, notice }] of items.entries()) {
      const sms = smsOf(i)
      jobs.push({
        organizationId: orgId, queue: 'webhook',
        payload: {
          endpointId: h.id, event: notice.event, occurredAt: new Date().toISOString(),
          // A sensitive ticket's gateway message says only that something happened.
          ticket: webhookTicket(ticket, notice.excerpt ?? null, `${appOrigin()}/${ctx.org.slug}/tickets/${ticket.number}`),
          organization: ctx.org.slug,
          ...(sms ? { sms } : {}),
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
