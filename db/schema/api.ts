import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { organizations } from './organizations'

/**
 * Fixed one-minute windows of API requests per caller (a token, or a signed-in person
 * using the API from the browser). In the database, not in memory, so the limit holds
 * across any number of app instances.
 */
export const apiRateWindows = pgTable('api_rate_windows', {
  organizationId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  caller: text().notNull(),
  windowStart: timestamp({ withTimezone: true }).notNull(),
  hits: integer().notNull().default(1),
}, (t) => [
  primaryKey({ columns: [t.organizationId, t.caller, t.windowStart] }),
  index('api_rate_windows_start_idx').on(t.windowStart),
])

/**
 * `Idempotency-Key` on POST: the first request's response, kept for a day. The key row is
 * written in the same transaction as the change it answers, so a concurrent retry waits
 * on it and then replays the stored response — never a second ticket.
 */
export const apiIdempotencyKeys = pgTable('api_idempotency_keys', {
  organizationId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  caller: text().notNull(),
  key: text().notNull(),
  /** Method, path and a hash of the body: the same key with another request is refused. */
  fingerprint: text().notNull(),
  status: integer().notNull(),
  body: jsonb().notNull(),
  headers: jsonb().$type<Record<string, string>>().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.organizationId, t.caller, t.key] }),
  index('api_idempotency_created_idx').on(t.createdAt),
])
