import type { NotificationEvent } from '@/db/schema/notifications'

export type MessageInput = {
  event: NotificationEvent
  orgName: string
  number: number
  title: string
  link: string
  recipientName: string
  actorName: string
  /** Public text only: a public reply, a resolution note. Never an internal note. */
  excerpt?: string | null
  status?: string
}

export type Rendered = { subject: string; headline: string; text: string; html: string }

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

function headline(m: MessageInput): string {
  switch (m.event) {
    case 'ticket.created': return `Ticket #${m.number} was received`
    case 'ticket.assigned': return `${m.actorName} assigned ticket #${m.number} to you`
    case 'ticket.replied': return `${m.actorName} replied on ticket #${m.number}`
    case 'ticket.status_changed': return `Ticket #${m.number} is now ${m.status}`
    case 'ticket.resolved': return `Ticket #${m.number} was resolved`
    case 'sla.at_risk': return `Ticket #${m.number} is close to its SLA target`
    case 'sla.breached': return `Ticket #${m.number} breached its SLA target`
    case 'ticket.queued': return `Ticket #${m.number} is waiting in your team’s queue`
    case 'ticket.rejected': return `${m.actorName} rejected ticket #${m.number}; it is back in the queue`
  }
}

/**
 * Plain-text and HTML versions of one notification. The subject stays the same for every
 * message about a ticket, so mail clients that thread by subject agree with the headers.
 */
export function renderMessage(m: MessageInput): Rendered {
  const subject = `[${m.orgName} #${m.number}] ${m.title}`
  const head = headline(m)
  const text = [
    `Hello ${m.recipientName},`, '', head + '.', '',
    ...(m.excerpt ? [m.excerpt.split('\n').map((l) => `> ${l}`).join('\n'), ''] : []),
    `View the ticket: ${m.link}`, '', `— ${m.orgName}`,
  ].join('\n')
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#0f172a;line-height:1.5">
<p>Hello ${escape(m.recipientName)},</p>
<p><strong>${escape(head)}</strong><br>${escape(m.title)}</p>
${m.excerpt ? `<blockquote style="margin:0;padding:8px 12px;border-left:3px solid #cbd5e1;color:#334155;white-space:pre-wrap">${escape(m.excerpt)}</blockquote>` : ''}
<p><a href="${escape(m.link)}" style="color:#4f46e5">View ticket #${m.number}</a></p>
<p style="color:#64748b;font-size:12px">${escape(m.orgName)}</p>
</body></html>`
  return { subject, headline: head, text, html }
}
