import 'server-only'
import nodemailer, { type Transporter } from 'nodemailer'
import { mailMessages } from '@/db/schema'
import type { Db } from '@/db/client'
import type { JobRow } from '@/lib/jobs/runner'
import { mailFrom } from './config'
import { ccStillCopied, recipientSeesTicket } from './recheck'
import { afterSmtpAccepted } from '@/lib/jobs/fault-hook'

export type MailPayload = {
  to: string; userId?: string | null; ticketNumber?: number | null; event?: string | null; subject: string; text: string; html: string
  /** Sent to an address copied on the ticket (ticket_cc), not to a member. */
  cc?: boolean
  messageId: string; inReplyTo?: string; references?: string[]
}

const g = globalThis as unknown as { __helpdeskSmtp?: { url: string; transport: Transporter } }

/** SMTP when SMTP_URL is set; otherwise messages are kept for the admins' "sent mail" page. */
function transport(): Transporter | null {
  const url = process.env.SMTP_URL
  if (!url) return null
  if (g.__helpdeskSmtp?.url !== url) {
    // A pooled connection: each message skips the TCP + SMTP greeting round trips.
    const pooled = new URL(url)
    if (!pooled.searchParams.has('pool')) pooled.searchParams.set('pool', 'true')
    g.__helpdeskSmtp = { url, transport: nodemailer.createTransport(pooled.toString()) }
  }
  return g.__helpdeskSmtp.transport
}

/**
 * The email queue's handler. A failed send throws, and the runner retries with backoff.
 * Delivery is at least once: a worker that dies after the SMTP server accepted a message
 * but before the job is marked done leaves the job leased, and once the lease runs out
 * (JOB_LEASE_SECONDS) another worker sends it again — with the same Message-ID, fixed when
 * the job was queued, so the receiving side can recognise the repeat and drop it.
 */
export async function deliverMail(job: JobRow, db: Db) {
  const m = job.payload as unknown as MailPayload
  // About a ticket the recipient may no longer see (made sensitive, moved, clearance or
  // membership lost since it was queued): drop it. The job ends done, nothing is kept.
  if (job.organizationId && m.userId && typeof m.ticketNumber === 'number'
    && !(await recipientSeesTicket(db, job.organizationId, m.userId, m.ticketNumber))) return
  // The same for a copied address: removed from the ticket, or the ticket made sensitive or deleted since.
  if (job.organizationId && m.cc && typeof m.ticketNumber === 'number'
    && !(await ccStillCopied(db, job.organizationId, m.to, m.ticketNumber))) return
  const smtp = transport()
  if (smtp) {
    await smtp.sendMail({
      from: mailFrom(), to: m.to, subject: m.subject, text: m.text, html: m.html,
      messageId: m.messageId, inReplyTo: m.inReplyTo, references: m.references,
      headers: { 'X-Helpdesk-Event': m.event ?? 'message', 'Auto-Submitted': 'auto-generated' },
    })
    afterSmtpAccepted()
  }
  await db.insert(mailMessages).values({
    organizationId: job.organizationId, jobId: job.id, messageId: m.messageId, toAddress: m.to, userId: m.userId ?? null,
    subject: m.subject, textBody: m.text, htmlBody: m.html, event: m.event ?? null, transport: smtp ? 'smtp' : 'kept',
  })
}
