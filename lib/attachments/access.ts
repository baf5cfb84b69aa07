import 'server-only'
import { and, eq, isNull, or, type SQL } from 'drizzle-orm'
import { attachments, comments, organizations, tickets } from '@/db/schema'
import { getDb, type DbOrTx } from '@/db/client'
import { dbFor, withTx } from '@/lib/db/tx'
import type { Ctx } from '@/lib/auth/ctx-type'
import { isStaffRole } from '@/lib/authz/permissions'
import { visibleComments, visibleTickets } from '@/lib/authz/visibility'
import { recordAudit } from '@/lib/audit/record'
import { NotFoundError } from '@/lib/errors'
import type { FileVariant } from './signed-link'

/**
 * The attachments a person may see, as one predicate over attachments ⟕ tickets ⟕ comments:
 * the ticket's visibility (requester's own, sensitive only for the cleared, never a
 * soft-deleted ticket) and the comment's (an internal note's files are staff-only, §7, §8).
 * An upload not yet sent is visible to its uploader only.
 */
export function visibleAttachments(ctx: Ctx): SQL {
  return and(
    eq(attachments.organizationId, ctx.org.id),
    isNull(attachments.deletedAt),
    or(
      and(isNull(attachments.ticketId), eq(attachments.uploaderId, ctx.user.id)),
      and(visibleTickets(ctx), or(isNull(attachments.commentId), visibleComments(ctx))),
    ),
  )!
}

/** attachments joined to their ticket and comment (org in every join condition), for `visibleAttachments`. */
export function attachmentJoins(tx: DbOrTx) {
  return tx.select({ a: attachments, ticketSensitive: tickets.sensitive, ticketNumber: tickets.number }).from(attachments)
    .leftJoin(tickets, and(eq(tickets.organizationId, attachments.organizationId), eq(tickets.id, attachments.ticketId)))
    .leftJoin(comments, and(eq(comments.organizationId, attachments.organizationId), eq(comments.id, attachments.commentId)))
}

/**
 * The download route's check: the file exists *and* the actor may see it, or NotFound
 * either way (never a hint). A staff download from a sensitive ticket is audited (§6).
 */
export async function authorizeDownload(ctx: Ctx, id: string, variant: FileVariant) {
  const db = await dbFor(ctx)
  const [row] = await attachmentJoins(db).where(and(visibleAttachments(ctx), eq(attachments.id, id))).limit(1)
  if (!row || (variant === 'thumb' && !row.a.thumbnailKey)) throw new NotFoundError('File not found')
  if (row.ticketSensitive && isStaffRole(ctx.role) && variant === 'original') {
    await withTx(ctx, (tx) => recordAudit(tx, ctx, {
      entityType: 'attachment', entityId: row.a.id, action: 'attachment.downloaded', changes: { ticketId: [null, row.a.ticketId] },
    }))
  }
  return row.a
}

/**
 * For the signed-link route, whose signature already carries the authorisation: only
 * re-checks that the file still exists (not deleted, its ticket not soft-deleted since
 * the link was issued).
 */
export async function loadLinkedFile(orgSlug: string, id: string) {
  const db = await getDb()
  const [row] = await db.select({ a: attachments }).from(attachments)
    .innerJoin(organizations, eq(organizations.id, attachments.organizationId))
    .leftJoin(tickets, and(eq(tickets.organizationId, attachments.organizationId), eq(tickets.id, attachments.ticketId)))
    .where(and(eq(organizations.slug, orgSlug), eq(attachments.id, id), isNull(attachments.deletedAt),
      or(isNull(attachments.ticketId), isNull(tickets.deletedAt)))).limit(1)
  return row?.a ?? null
}
