import 'server-only'

/** Largest message the listener accepts (whole message, attachments included, as sent). */
export const inboundMaxBytes = () => Number(process.env.INBOUND_MAX_BYTES ?? 25 * 1024 * 1024)

/** The domain of the `<org-slug>@<domain>` addresses the listener accepts. */
export const inboundDomain = () => (process.env.INBOUND_DOMAIN ?? 'helpdesk.localhost').toLowerCase()

type HeaderLike = { get(name: string): unknown }
const text = (v: unknown) => (typeof v === 'string' ? v : v && typeof v === 'object' && 'value' in v ? String((v as { value: unknown }).value) : v == null ? '' : String(v)).trim().toLowerCase()

/**
 * Why a message must not become a ticket or a reply, or null. Auto-replies (out of office,
 * vacation), bulk and list mail, bounces and our own notifications are dropped quietly:
 * answering them — or opening a ticket that notifies them — is how mail loops start
 * (RFC 3834's Auto-Submitted, the older Precedence and X-Autoreply conventions).
 */
export function autoMailReason(headers: HeaderLike, envelopeFrom: string | false | null | undefined): string | null {
  if (!envelopeFrom) return 'a bounce (empty return path)'
  const auto = text(headers.get('auto-submitted'))
  if (auto && auto !== 'no') return `Auto-Submitted: ${auto}`
  const precedence = text(headers.get('precedence'))
  if (['bulk', 'junk', 'list', 'auto_reply'].includes(precedence)) return `Precedence: ${precedence}`
  for (const h of ['x-autoreply', 'x-autorespond', 'x-auto-reply']) if (text(headers.get(h))) return `${h} header`
  if (text(headers.get('list-id')) || text(headers.get('list-unsubscribe'))) return 'mailing-list mail'
  if (text(headers.get('x-helpdesk-event'))) return 'one of our own notifications (a loop)'
  return null
}

/** `<slug>@domain` or `<slug>+<ticket number>@domain`; null when the address is not ours. */
export function parseInboundAddress(address: string): { slug: string; number: number | null } | null {
  const m = /^([a-z0-9][a-z0-9-]*)(?:\+(\d{1,9}))?@(.+)$/i.exec(address.trim())
  if (!m || m[3].toLowerCase() !== inboundDomain()) return null
  return { slug: m[1].toLowerCase(), number: m[2] ? Number(m[2]) : null }
}

/** The ticket ids our outgoing mail threads on (lib/notifications/config.ts ticketThreadId). */
export function threadTicketIds(...headers: unknown[]): string[] {
  const all = headers.flat().map((h) => (typeof h === 'string' ? h : '')).join(' ')
  return [...all.matchAll(/<ticket-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})@/gi)].map((m) => m[1].toLowerCase())
}

/**
 * The new text of a reply: the quoted conversation below "On … wrote:" (or an Outlook
 * "Original Message" divider) and `>` lines are cut; all of it is kept if nothing is left.
 */
export function replyText(body: string): string {
  const cut = body.split(/^\s*(?:On .{1,200}wrote:|-{2,}\s*Original Message\s*-{2,}|From: .+)\s*$/im)[0]
  const kept = cut.split('\n').filter((l) => !l.startsWith('>')).join('\n').trim()
  return kept || body.trim()
}
