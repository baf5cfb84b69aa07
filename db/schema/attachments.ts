import { sql } from 'drizzle-orm'
import { foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { memberships } from './users'
import { comments, tickets } from './tickets'

/**
 * Files on tickets and comments (§8). An upload is staged first (ticket_id null, expires_at set,
 * owned by its uploader) and claimed by the ticket or comment in the same transaction that
 * creates it, so a comment and its files commit together.
 */
export const attachments = pgTable('attachments', {
  organizationId: uuid().notNull(),
  id: uuid().notNull().defaultRandom(),
  /** Null while staged; set when claimed. */
  ticketId: uuid(),
  /** Null for a file on the ticket's description (attached at creation). */
  commentId: uuid(),
  uploaderId: uuid().notNull(),
  /** Sanitised display name; never used as a storage path. */
  filename: text().notNull(),
  /** Sniffed from the bytes (text formats: from the name, after checking the bytes are text). */
  contentType: text().notNull(),
  size: integer().notNull(),
  sha256: text().notNull(),
  /** Which backend holds the bytes ('disk' | 'uploadthing'), so switching config never orphans old files. */
  storage: text().notNull(),
  storageKey: text().notNull(),
  thumbnailKey: text(),
  imageWidth: integer(),
  imageHeight: integer(),
  /** A staged upload nobody claimed is removed after this instant. */
  expiresAt: timestamp({ withTimezone: true }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  deletedAt: timestamp({ withTimezone: true }),
  deletedById: uuid(),
}, (t) => [
  primaryKey({ columns: [t.organizationId, t.id] }),
  foreignKey({ name: 'attachments_ticket_fk', columns: [t.organizationId, t.ticketId], foreignColumns: [tickets.organizationId, tickets.id] }).onDelete('cascade'),
  foreignKey({ name: 'attachments_comment_fk', columns: [t.organizationId, t.commentId], foreignColumns: [comments.organizationId, comments.id] }).onDelete('cascade'),
  foreignKey({ name: 'attachments_uploader_fk', columns: [t.organizationId, t.uploaderId], foreignColumns: [memberships.organizationId, memberships.userId] }),
  index('attachments_ticket_idx').on(t.organizationId, t.ticketId, t.createdAt).where(sql`ticket_id is not null`),
  index('attachments_staged_idx').on(t.organizationId, t.uploaderId, t.expiresAt).where(sql`ticket_id is null`),
])
