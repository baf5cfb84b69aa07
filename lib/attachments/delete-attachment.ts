import 'server-only'
import { and, eq, isNull } from 'drizzle-orm'
import { z } from 'zod'
import { attachments } from '@/db/schema'
import { withTx } from '@/lib/db/tx'
import type { Ctx } from '@/lib/auth/ctx-type'
import { can } from '@/lib/authz/can'
import { recordAudit } from '@/lib/audit/record'
import { ForbiddenError, NotFoundError } from '@/lib/errors'
import { enqueueJobs } from '@/lib/jobs/enqueue'
import { attachmentJoins, visibleAttachments } from './access'
import { AttachmentRefInput } from './schemas'

export const PURGE_QUEUE = 'attachments.purge'

/**
 * Deletes a sent attachment: its uploader or an admin (§8), on a ticket they can see.
 * The row stays, marked deleted, so the audit trail keeps name, size and hash; the bytes
 * are removed from storage by a job queued in the same transaction (durable, retried).
 */
export async function deleteAttachment(ctx: Ctx, raw: z.input<typeof AttachmentRefInput>) {
  const { id } = AttachmentRefInput.parse(raw)
  return withTx(ctx, async (tx) => {
    const [row] = await attachmentJoins(tx).where(and(visibleAttachments(ctx), eq(attachments.id, id))).limit(1).for('update', { of: attachments })
    if (!row || !row.a.ticketId) throw new NotFoundError('File not found')
    const a = row.a
    if (a.uploaderId !== ctx.user.id && !can(ctx, 'attachment:delete_any')) {
      throw new ForbiddenError('Only the person who attached a file, or an admin, can delete it')
    }
    const now = new Date()
    await tx.update(attachments).set({ deletedAt: now, deletedById: ctx.user.id })
      .where(and(eq(attachments.organizationId, ctx.org.id), eq(attachments.id, a.id)))
    await recordAudit(tx, ctx, {
      entityType: 'attachment', entityId: a.id, action: 'attachment.deleted',
      changes: { deletedAt: [null, now.toISOString()], ticketId: [a.ticketId, a.ticketId], filename: [a.filename, a.filename] },
    })
    await enqueuePurge(tx, ctx.org.id, a)
    return { ticketNumber: row.ticketNumber }
  })
}

/** Removes one of the actor's own uploads that was never sent (the picker's "Remove"). */
export async function discardUpload(ctx: Ctx, raw: z.input<typeof AttachmentRefInput>) {
  const { id } = AttachmentRefInput.parse(raw)
  await withTx(ctx, async (tx) => {
    const [a] = await tx.delete(attachments).where(and(eq(attachments.organizationId, ctx.org.id), eq(attachments.id, id),
      eq(attachments.uploaderId, ctx.user.id), isNull(attachments.ticketId))).returning()
    if (!a) throw new NotFoundError('File not found')
    await enqueuePurge(tx, ctx.org.id, a)
  })
}

type Stored = Pick<typeof attachments.$inferSelect, 'storage' | 'storageKey' | 'thumbnailKey'>

export async function enqueuePurge(tx: Parameters<typeof enqueueJobs>[0], orgId: string, a: Stored) {
  const keys = [a.storageKey, a.thumbnailKey].filter((k): k is string => !!k)
  await enqueueJobs(tx, [{ organizationId: orgId, queue: PURGE_QUEUE, payload: { storage: a.storage, keys } }])
}
