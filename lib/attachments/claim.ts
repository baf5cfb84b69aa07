import 'server-only'
import { and, eq, gt, inArray, isNull } from 'drizzle-orm'
import { attachments } from '@/db/schema'
import type { DbOrTx } from '@/db/client'
import type { Ctx } from '@/lib/auth/ctx-type'
import { authorize } from '@/lib/authz/can'
import { recordAudit } from '@/lib/audit/record'
import { ValidationError } from '@/lib/errors'
import { attachmentLimits, formatBytes } from './limits'
import { ticketBytes } from './totals'

/**
 * Attaches the actor's own staged uploads to a ticket (and comment), inside the
 * transaction that saves the message, with one audit event per file (§9). Someone
 * else's upload, another organisation's, an expired or an already-used one is
 * refused as unavailable, and then nothing of the message is saved.
 * The caller holds the ticket row's lock, so the per-ticket total cannot race.
 */
export async function claimAttachments(tx: DbOrTx, ctx: Ctx, ticket: { id: string; number: number }, ids: string[], opts: { commentId: string | null; internal: boolean }) {
  if (ids.length === 0) return []
  authorize(ctx, 'attachment:upload')
  const wanted = [...new Set(ids)]
  const rows = await tx.select().from(attachments).where(and(
    eq(attachments.organizationId, ctx.org.id), eq(attachments.uploaderId, ctx.user.id), inArray(attachments.id, wanted),
    isNull(attachments.ticketId), isNull(attachments.deletedAt), gt(attachments.expiresAt, new Date()),
  )).for('update')
  if (rows.length !== wanted.length) {
    const message = wanted.length - rows.length === 1
      ? 'One of the files is no longer available (it expired or was already sent). Remove it and upload it again.'
      : `${wanted.length - rows.length} of the files are no longer available (expired or already sent). Remove them and upload them again.`
    throw new ValidationError(message, { attachments: [message] })
  }
  const { maxTicketBytes } = attachmentLimits(ctx.org.settings)
  const used = await ticketBytes(tx, ctx.org.id, ticket.id)
  const adding = rows.reduce((n, r) => n + r.size, 0)
  if (used + adding > maxTicketBytes) {
    const message = `These files (${rows.map((r) => `“${r.filename}”`).join(', ')}, ${formatBytes(adding)}) would take ticket #${ticket.number} over its ${formatBytes(maxTicketBytes)} limit for attachments (${formatBytes(used)} used).`
    throw new ValidationError(message, { attachments: [message] })
  }
  await tx.update(attachments).set({ ticketId: ticket.id, commentId: opts.commentId, expiresAt: null })
    .where(and(eq(attachments.organizationId, ctx.org.id), inArray(attachments.id, wanted)))
  for (const r of rows) {
    await recordAudit(tx, ctx, {
      entityType: 'attachment', entityId: r.id, action: 'attachment.added',
      changes: {
        ticketId: [null, ticket.id], commentId: [null, opts.commentId], filename: [null, r.filename],
        contentType: [null, r.contentType], size: [null, r.size], sha256: [null, r.sha256], internal: [null, opts.internal],
      },
    })
  }
  return rows
}
