import 'server-only'
import fsp from 'node:fs/promises'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import type { Readable } from 'node:stream'
import { and, count, eq, gt, isNull } from 'drizzle-orm'
import { attachments } from '@/db/schema'
import { dbFor } from '@/lib/db/tx'
import type { Ctx } from '@/lib/auth/ctx-type'
import { authorize } from '@/lib/authz/can'
import { TooLargeError, ValidationError } from '@/lib/errors'
import { loadVisibleTicket } from '@/lib/tickets/internal/load'
import { attachmentLimits, formatBytes, MAX_STAGED_UPLOADS, previewableImages, STAGED_TTL_MS } from './limits'
import { receiveUpload, refused, tempDir } from './receive'
import { sniffType } from './sniff'
import { activeStorage } from './storage'
import { makeThumbnail } from './thumbnail'
import { ticketBytes } from './totals'

export type StagedUpload = { id: string; filename: string; size: number; contentType: string; thumbnail: boolean; expiresAt: Date }

/** Multipart framing around one file stays well under this. */
const MULTIPART_OVERHEAD = 64 * 1024

/**
 * The staging endpoint's work: one file, streamed to a temp file, checked, moved into
 * storage (with its thumbnail) and recorded as an *unattached* upload owned by the
 * uploader. It joins a ticket or comment only when that message is saved (claimAttachments),
 * so a failed message loses nothing and a file never dangles on a half-written comment.
 * `ticketNumber`, when the upload is for a reply, lets the per-ticket total refuse early.
 */
export async function stageUpload(ctx: Ctx, req: { body: Readable; contentType: string; contentLength?: number | null; ticketNumber?: number | null }): Promise<StagedUpload> {
  authorize(ctx, 'attachment:upload')
  const limits = attachmentLimits(ctx.org.settings)
  if (req.contentLength && req.contentLength > limits.maxFileBytes + MULTIPART_OVERHEAD) {
    throw new TooLargeError(`The file is larger than the ${formatBytes(limits.maxFileBytes)} limit.`)
  }
  const db = await dbFor(ctx)
  const now = new Date()
  const [{ n }] = await db.select({ n: count() }).from(attachments).where(and(
    eq(attachments.organizationId, ctx.org.id), eq(attachments.uploaderId, ctx.user.id), isNull(attachments.ticketId), gt(attachments.expiresAt, now)))
  if (n >= MAX_STAGED_UPLOADS) throw new ValidationError(`You have ${n} files waiting to be sent. Send or remove some before adding more.`)
  const ticket = req.ticketNumber ? await loadVisibleTicket(db, ctx, req.ticketNumber) : null

  const file = await receiveUpload(req.body, req.contentType, limits.maxFileBytes)
  const thumbPath = path.join(tempDir(), `helpdesk-thumb-${randomUUID()}.webp`)
  const stored: { storage: ReturnType<typeof activeStorage>; keys: string[] } = { storage: activeStorage(), keys: [] }
  try {
    const type = await sniffType(file.head, file.path, file.filename)
    if (!type.ok) throw refused(file.filename, type.reason)
    if (ticket) {
      const used = await ticketBytes(db, ctx.org.id, ticket.id)
      if (used + file.size > limits.maxTicketBytes) {
        throw refused(file.filename, `ticket #${ticket.number} would exceed its ${formatBytes(limits.maxTicketBytes)} total for attachments (${formatBytes(used)} used)`)
      }
    }
    const image = previewableImages.has(type.mime)
    const dims = image ? await makeThumbnail(file.path, thumbPath) : null
    const disposition = image ? 'inline' : 'attachment'
    const { key } = await stored.storage.put({ path: file.path, filename: file.filename, contentType: type.mime, size: file.size, disposition })
    stored.keys.push(key)
    let thumbnailKey: string | null = null
    if (dims) {
      const { size } = await fsp.stat(thumbPath)
      thumbnailKey = (await stored.storage.put({ path: thumbPath, filename: 'thumbnail.webp', contentType: 'image/webp', size, disposition: 'inline' })).key
      stored.keys.push(thumbnailKey)
    }
    const expiresAt = new Date(Date.now() + STAGED_TTL_MS)
    const [row] = await db.insert(attachments).values({
      organizationId: ctx.org.id, uploaderId: ctx.user.id, filename: file.filename, contentType: type.mime, size: file.size,
      sha256: file.sha256, storage: stored.storage.name, storageKey: key, thumbnailKey,
      imageWidth: dims?.width ?? null, imageHeight: dims?.height ?? null, expiresAt,
    }).returning()
    return { id: row.id, filename: row.filename, size: row.size, contentType: row.contentType, thumbnail: !!thumbnailKey, expiresAt }
  } catch (err) {
    await stored.storage.remove(stored.keys).catch((e) => console.error('could not remove a refused upload from storage', e))
    throw err
  } finally {
    await fsp.rm(file.path, { force: true })
    await fsp.rm(thumbPath, { force: true })
  }
}
