import type { NotificationEvent } from '@/db/schema/notifications'
import { fillPlaceholders } from '@/lib/templates/placeholders'

// Client-safe (type imports only): the settings page previews templates with it as the admin types.

export type MessageInput = {
  event: NotificationEvent
  orgName: string
  number: number
  title: string
  /** Null for a copied address (ticket_cc): it may have no account to open the ticket with. */
  link: string | null
  /** Null for a copied address: we know it only by its email. */
  recipientName: string | null
  actorName: string
  /** The recipient follows the ticket (issue 14) rather than being its assignee or team. */
  watching?: boolean
  /** The recipient is an address copied on the ticket. */
  copied?: boolean
  /** Public text only: a public reply, a resolution note. Never an internal note. */
  excerpt?: string | null
  status?: string
  /** The recipient is the ticket's requester (the wording of "assigned" differs). */
  toRequester?: boolean
  /** The org's own words for this event (settings → notifications); absent parts use the built-in ones. */
  template?: { subject: string | null; body: string | null }
}

export type Rendered = { subject: string; headline: string; text: string; html: string }

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

function headline(m: MessageInput): string {
  switch (m.event) {
    case 'ticket.created': return `Ticket #${m.number} was received`
    case 'ticket.assigned': return m.toRequester ? `Ticket #${m.number} was assigned and is being handled` : m.watching ? `${m.actorName} assigned ticket #${m.number}` : `${m.actorName} assigned ticket #${m.number} to you`
    case 'ticket.replied': return `${m.actorName} replied on ticket #${m.number}`
    case 'ticket.status_changed': return `Ticket #${m.number} is now ${m.status}`
    case 'ticket.resolved': return `Ticket #${m.number} was resolved`
    case 'sla.at_risk': return `Ticket #${m.number} is close to its SLA target`
    case 'sla.breached': return `Ticket #${m.number} breached its SLA target`
    case 'ticket.queued': return m.watching ? `Ticket #${m.number} is waiting in a team queue` : `Ticket #${m.number} is waiting in your team’s queue`
    case 'ticket.rejected': return `${m.actorName} rejected ticket #${m.number}; it is back in the queue`
  }
}

/**
 * Plain-text and HTML versions of one notification. The subject stays the same for every
 * message about a ticket, so mail clients that thread by subject agree with the headers.
 */
export function renderMessage(m: MessageInput): Rendered {
  const head = headline(m)
  const why = m.copied ? 'You are receiving this because you are copied on this request.'
    : m.watching ? 'You are receiving this because you follow this ticket.' : null
  const subject = m.template?.subject ? oneLine(fill(m.template.subject, m, head)) : `[${m.orgName} #${m.number}] ${m.title}`
  if (m.template?.body) return { subject, headline: head, ...fromTemplate(m, fill(m.template.body, m, head), why) }
  const hello = m.recipientName ? `Hello ${m.recipientName},` : 'Hello,'
  const text = [
    hello, '', head + '.', '',
    ...(m.excerpt ? [m.excerpt.split('\n').map((l) => `> ${l}`).join('\n'), ''] : []),
    ...(m.link ? [`View the ticket: ${m.link}`, ''] : []),
    ...(why ? [why, ''] : []),
    `— ${m.orgName}`,
  ].join('\n')
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#0f172a;line-height:1.5">
<p>${escape(hello)}</p>
<p><strong>${escape(head)}</strong><br>${escape(m.title)}</p>
${m.excerpt ? `<blockquote style="margin:0;padding:8px 12px;border-left:3px solid #cbd5e1;color:#334155;white-space:pre-wrap">${escape(m.excerpt)}</blockquote>` : ''}
${m.link ? `<p><a href="${escape(m.link)}" style="color:#4f46e5">View ticket #${m.number}</a></p>` : ''}
${why ? `<p style="color:#64748b;font-size:12px">${escape(why)}</p>` : ''}
<p style="color:#64748b;font-size:12px">${escape(m.orgName)}</p>
</body></html>`
  return { subject, headline: head, text, html }
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim()

/** The placeholder values of one message (lib/notifications/org-settings.ts lists the names). */
function fill(template: string, m: MessageInput, head: string): string {
  return fillPlaceholders(template, {
    'recipient.name': m.recipientName ?? '', 'ticket.number': m.number, 'ticket.title': m.title, 'ticket.status': m.status ?? '',
    'ticket.link': m.link ?? '', 'actor.name': m.actorName, 'org.name': m.orgName, headline: head, excerpt: m.excerpt ?? '',
  })
}

/** An org's message body: their text as written (escaped, line breaks kept), the link made clickable. */
function fromTemplate(m: MessageInput, body: string, why: string | null): { text: string; html: string } {
  const text = [body.trim(), ...(why ? ['', why] : [])].join('\n')
  let html = escape(body.trim())
  if (m.link) html = html.split(escape(m.link)).join(`<a href="${escape(m.link)}" style="color:#4f46e5">${escape(m.link)}</a>`)
  return {
    text,
    html: `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#0f172a;line-height:1.5">
<div style="white-space:pre-wrap">${html}</div>
${why ? `<p style="color:#64748b;font-size:12px">${escape(why)}</p>` : ''}
</body></html>`,
  }
}
