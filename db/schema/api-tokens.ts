import { sql } from 'drizzle-orm'
import { foreignKey, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { organizations } from './organizations'
import { memberships, users } from './users'

/**
 * Per-organisation API tokens (REST API v1). A token acts as its owner — a member of the
 * org — with at most the owner's *current* role, narrowed to its scopes. Only a SHA-256 of
 * the secret is stored (the secret is random, 256 bits: a slow hash adds nothing); the
 * secret is shown once at creation. `prefix` is the visible start of the secret, so an
 * admin can tell tokens apart in the list and in leaked-secret reports.
 */
export const apiTokens = pgTable('api_tokens', {
  organizationId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  id: uuid().notNull().defaultRandom(),
  name: text().notNull(),
  ownerId: uuid().notNull(),
  createdById: uuid().references(() => users.id, { onDelete: 'set null' }),
  scopes: text().array().notNull(),
  prefix: text().notNull(),
  secretHash: text().notNull(),
  expiresAt: timestamp({ withTimezone: true }),
  lastUsedAt: timestamp({ withTimezone: true }),
  revokedAt: timestamp({ withTimezone: true }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.organizationId, t.id] }),
  foreignKey({ columns: [t.organizationId, t.ownerId], foreignColumns: [memberships.organizationId, memberships.userId] }).onDelete('cascade'),
  // Every request looks its token up by (org, hash); the unique key includes the org (Citus).
  uniqueIndex('api_tokens_secret_key').on(t.organizationId, t.secretHash),
  index('api_tokens_list_idx').on(t.organizationId, t.createdAt).where(sql`revoked_at is null`),
])
