import 'server-only'
import { randomUUID } from 'node:crypto'
import { Readable } from 'node:stream'
import { and, eq, inArray } from 'drizzle-orm'
import type { ParsedMail } from 'mailparser'
import { memberships, organizations, tickets } from '@/db/schema'
import { getDb } from '@/db/client'
import type { Ctx } from '@/lib/auth/ctx-type'
import { loadCtx } from '@/lib/auth/load-ctx'
import { systemCtx } from '@/lib/auth/system'
import { addComment } from '@/lib/comments/add-comment'
import { addMember } from '@/lib/members/members'
import { createTicket } from '@/lib/tickets/create-ticket'
import { stageUpload } from '@/lib/attachments/stage-upload'
import { COMMENT_MAX, DESCRIPTION_MAX, TITLE_MAX } from '@/lib/tickets/schemas'
import { findUserByEmail } from '@/lib/users/create-user'
import { DomainError, ValidationError } from '@/lib/errors'
import { autoMailReason, parseInboundAddress, replyText, threadTicketIds } from './policy'

export type InboundOutcome =
  | { kind: 'created'; org: string; number: number }
  | { kind: 'replied'; org: string; number: number }
  /** Accepted and deliberately ignored (auto-replies, loops): no bounce, which would feed a loop. */
  | { kind: 'dropped'; reason: string }
  /** Refused during the SMTP session: the sender's own server tells them. */
  | { kind: 'refused'; reason: string }

type Envelope = { from: string | false | null | undefined; to: string }

/**
 * One message to one of our addresses (issue 16): a reply — threaded by the In-Reply-To /
 * References our notifications set, or a `+<number>` in the address — becomes a public
 * reply from the sender; anything else opens a ticket for them. It acts as the sender,
 * through the same verbs (and permission, visibility and attachment checks) as the portal.
 * Who the sender is comes from the From header, which mail does not authenticate by itself:
 * the receiving MTA's SPF/DKIM/DMARC checks are what make it trustworthy.
 */
export async function receiveInboundMail(mail: ParsedMail, envelope: Envelope): Promise<InboundOutcome> {
  const auto = autoMailReason(mail.headers, envelope.from)
  if (auto) return { kind: 'dropped', reason: auto }
  const address = parseInboundAddress(envelope.to)
  if (!address) return { kind: 'refused', reason: `${envelope.to} is not a helpdesk address` }
  const db = await getDb()
  const [org] = await db.select({ id: organizations.id, slug: organizations.slug, name: organizations.name, settings: organizations.settings })
    .from(organizations).where(eq(organizations.slug, address.slug))
  if (!org) return { kind: 'refused', reason: `no helpdesk at ${envelope.to}` }
  const from = mail.from?.value[0]
  if (!from?.address) return { kind: 'refused', reason: 'the message has no sender address' }

  const ctx = await senderCtx(org, from.address, from.name)
  if (!ctx) return { kind: 'refused', reason: `${from.address} is not a member of ${org.name}, which accepts mail from its members only` }

  const thread = threadTicketIds(mail.inReplyTo, mail.references)
  const number = address.number ?? (thread.length ? await ticketNumberOf(org.id, thread) : null)
  try {
    if (number !== null) {
      const body = clip(replyText(mail.text ?? ''), COMMENT_MAX)
      const { ids, notes } = await stageAll(ctx, mail, number)
      await addComment(ctx, { number, body: withNotes(body || '(empty message)', notes, COMMENT_MAX), attachmentIds: ids })
      return { kind: 'replied', org: org.slug, number }
    }
    const { ids, notes } = await stageAll(ctx, mail, null)
    const description = withNotes(clip((mail.text ?? '').trim() || '(empty message)', DESCRIPTION_MAX), notes, DESCRIPTION_MAX)
    const ticket = await createTicket(ctx, { title: clip(mail.subject?.trim() || '(no subject)', TITLE_MAX), description, attachmentIds: ids })
    return { kind: 'created', org: org.slug, number: ticket.number }
  } catch (err) {
    // A hidden or missing ticket, a closed one, a refused body: the sender is told why.
    if (err instanceof DomainError) return { kind: 'refused', reason: err.message }
    throw err
  }
}

type Org = Ctx['org']

/** The sender as a member of the org; an unknown sender becomes a requester only where the org allows it. */
async function senderCtx(org: Org, email: string, name: string): Promise<Ctx | null> {
  const db = await getDb()
  const user = await findUserByEmail(db, email.toLowerCase())
  if (user) {
    const [m] = await db.select({ active: memberships.active }).from(memberships)
      .where(and(eq(memberships.organizationId, org.id), eq(memberships.userId, user.id)))
    if (m) return m.active ? loadCtx(db, user.id, org.slug) : null
  }
  if (org.settings.inboundUnknownSenders !== 'create_requester') return null
  const created = await addMember(systemCtx(org), { email, name: name || email.split('@')[0], role: 'requester' })
  return loadCtx(db, created.id, org.slug)
}

async function ticketNumberOf(orgId: string, ids: string[]): Promise<number | null> {
  const db = await getDb()
  const [row] = await db.select({ number: tickets.number }).from(tickets).where(and(eq(tickets.organizationId, orgId), inArray(tickets.id, ids))).limit(1)
  return row?.number ?? null
}

/**
 * Each attachment goes through the upload checks (size, type sniffing, per-ticket total) as
 * the sender's own upload. A refused file does not lose the message: it says what was left out.
 */
async function stageAll(ctx: Ctx, mail: ParsedMail, ticketNumber: number | null) {
  const ids: string[] = []
  const notes: string[] = []
  for (const a of mail.attachments ?? []) {
    if (a.related && !a.filename) continue // inline pieces of an HTML body (logos, signatures)
    const filename = a.filename || 'attachment'
    try {
      const staged = await stageUpload(ctx, { ...multipart(filename, a.content, a.contentType), ticketNumber })
      ids.push(staged.id)
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err
      notes.push(err.message)
    }
  }
  return { ids, notes }
}

function multipart(filename: string, content: Buffer, type: string) {
  const boundary = `----helpdesk-inbound-${randomUUID()}`
  const safe = filename.replace(/["\r\n]/g, '_')
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${safe}"\r\nContent-Type: ${type || 'application/octet-stream'}\r\n\r\n`
  return { body: Readable.from([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}`, contentLength: content.length }
}

const clip = (s: string, max: number) => (s.length > max ? s.slice(0, max - 1) + '…' : s)
const withNotes = (body: string, notes: string[], max: number) =>
  notes.length ? clip(`${body}\n\n${notes.map((n) => `[${n}]`).join('\n')}`, max) : body
