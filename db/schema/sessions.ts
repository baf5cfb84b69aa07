import { index, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core'

/**
 * Sessions ended by signing out. Sessions are stateless JWTs, so without this a copy of
 * the cookie (or a request that was in flight at sign-out and re-issued it) would stay
 * valid until it expired. Each token carries a random `sid`; the data-access layer refuses
 * a revoked one. Rows are kept until the token could have expired anyway.
 */
export const revokedSessions = pgTable('revoked_sessions', {
  sid: uuid().primaryKey(),
  userId: uuid().notNull(),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
}, (t) => [index('revoked_sessions_expires_idx').on(t.expiresAt)])
