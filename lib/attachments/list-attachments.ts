import 'server-only'
import { attachmentMessage, englishText, type TimelineMessage } from '@/lib/tickets/timeline-text'
import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { attachments, auditEvents, comments, tickets, users } from '@/db/schema'
import { dbFor } from '@/lib/db/tx'
import type { Ctx } from '@/lib/auth/ctx-type'
import { can } from '@/lib/authz/can'
import { visibleComments } from '@/lib/authz/visibility'
import { visibleAttachments } from './access'

export type AttachmentView = {
  id: string
  /** Null: attached to the ticket's description. */
  commentId: string | null
  filename: string
  contentType: string
  size: number
  thumbnail: boolean
  width: number | null
  height: number | null
  uploader: string
  createdAt: Date
  canDelete: boolean
}

/** The files the actor may see on a ticket, oldest first, in one query (none on a soft-deleted ticket). */
export async function ticketAttachments(ctx: Ctx, ticketId: string): Promise<AttachmentView[]> {
  const db = await dbFor(ctx)
  const uploader = alias(users, 'uploader')
  const rows = await db.select({ a: attachments, uploader: uploader.name }).from(attachments)
    .leftJoin(tickets, and(eq(tickets.organizationId, attachments.organizationId), eq(tickets.id, attachments.ticketId)))
    .leftJoin(comments, and(eq(comments.organizationId, attachments.organizationId), eq(comments.id, attachments.commentId)))
    .innerJoin(uploader, eq(uploader.id, attachments.uploaderId))
    .where(and(visibleAttachments(ctx), eq(attachments.ticketId, ticketId)))
    .orderBy(asc(attachments.createdAt), asc(attachments.id))
  const admin = can(ctx, 'attachment:delete_any')
  return rows.map(({ a, uploader }) => ({
    id: a.id, commentId: a.commentId, filename: a.filename, contentType: a.contentType, size: a.size,
    thumbnail: !!a.thumbnailKey, width: a.imageWidth, height: a.imageHeight, uploader,
    createdAt: a.createdAt, canDelete: admin || a.uploaderId === ctx.user.id,
  }))
}

export type AttachmentTimelineEntry = { id: string; at: Date; actor: string | null; kind: 'attachment'; text: string; message: TimelineMessage }

/**
 * "attached …" / "deleted …" entries for the ticket's timeline (§9), from the audit trail,
 * for the files whose message the actor may see (an internal note's files stay with staff).
 */
export async function attachmentTimeline(ctx: Ctx, ticketId: string): Promise<AttachmentTimelineEntry[]> {
  const db = await dbFor(ctx)
  const files = await db.select({ id: attachments.id, filename: attachments.filename }).from(attachments)
    .leftJoin(comments, and(eq(comments.organizationId, attachments.organizationId), eq(comments.id, attachments.commentId)))
    .where(and(eq(attachments.organizationId, ctx.org.id), eq(attachments.ticketId, ticketId),
      or(isNull(attachments.commentId), visibleComments(ctx))))
  if (files.length === 0) return []
  const names = new Map(files.map((f) => [f.id, f.filename]))
  const actor = alias(users, 'actor')
  const events = await db.select({ seq: auditEvents.seq, at: auditEvents.createdAt, action: auditEvents.action, entityId: auditEvents.entityId, actor: actor.name })
    .from(auditEvents).leftJoin(actor, eq(actor.id, auditEvents.actorId))
    .where(and(eq(auditEvents.organizationId, ctx.org.id), eq(auditEvents.entityType, 'attachment'),
      inArray(auditEvents.entityId, [...names.keys()]), inArray(auditEvents.action, ['attachment.added', 'attachment.deleted'])))
  return events.map((e) => ({
    id: `audit-${e.seq}`, at: e.at, actor: e.actor, kind: 'attachment',
    text: englishText(attachmentMessage(e.action === 'attachment.added', String(names.get(e.entityId)))),
    message: attachmentMessage(e.action === 'attachment.added', String(names.get(e.entityId))),
  }))
}
