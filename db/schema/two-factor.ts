import { bigint, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { users } from './users'

/**
 * A person's TOTP second factor (issue 18). A row with `enabledAt` null is an enrolment
 * waiting for its first code; only an enabled row makes sign-in ask for a code.
 * `lastStep` is the 30-second step of the last accepted code: a code is accepted only for a
 * later step, so a code seen over someone's shoulder cannot be used again in its window.
 */
export const userTwoFactor = pgTable('user_two_factor', {
  userId: uuid().primaryKey().references(() => users.id, { onDelete: 'cascade' }),
  /** Base32 secret, sealed with AUTH_SECRET (lib/two-factor/seal.ts). */
  secret: text().notNull(),
  enabledAt: timestamp({ withTimezone: true }),
  lastStep: bigint({ mode: 'number' }).notNull().default(0),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
})

/** One-time recovery codes, stored as SHA-256 hashes (they are random, so no slow hash is needed). */
export const twoFactorRecoveryCodes = pgTable('two_factor_recovery_codes', {
  id: uuid().primaryKey().defaultRandom(),
  userId: uuid().notNull().references(() => users.id, { onDelete: 'cascade' }),
  codeHash: text().notNull(),
  usedAt: timestamp({ withTimezone: true }),
}, (t) => [index('two_factor_recovery_codes_user_idx').on(t.userId)])

/**
 * Which provider account signs in as which person. Made once, at the first OAuth sign-in with
 * a verified email of an existing member; later sign-ins follow the link, never the email,
 * so an address changed at the provider cannot take over someone else's account.
 */
export const oauthAccounts = pgTable('oauth_accounts', {
  provider: text().notNull(),
  providerAccountId: text().notNull(),
  userId: uuid().notNull().references(() => users.id, { onDelete: 'cascade' }),
  /** The verified address the link was made with, for the person's security page. */
  email: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.provider, t.providerAccountId] }),
  index('oauth_accounts_user_idx').on(t.userId),
])
