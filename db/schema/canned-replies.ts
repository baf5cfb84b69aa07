import { foreignKey, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { organizations } from './organizations'
import { memberships } from './users'

/**
 * Saved answers for the composer (§7). `owner_id` null: shared with the org's staff (admins
 * manage them); set: one agent's personal reply. Bodies hold `{{placeholders}}` filled on insert.
 */
export const cannedReplies = pgTable('canned_replies', {
  organizationId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  id: uuid().notNull().defaultRandom(),
  ownerId: uuid(),
  title: text().notNull(),
  body: text().notNull(),
  createdById: uuid().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.organizationId, t.id] }),
  index('canned_replies_org_owner_idx').on(t.organizationId, t.ownerId, t.title),
  // A personal reply goes when its owner leaves the organisation.
  foreignKey({ name: 'canned_replies_owner_fk', columns: [t.organizationId, t.ownerId], foreignColumns: [memberships.organizationId, memberships.userId] }).onDelete('cascade'),
])
