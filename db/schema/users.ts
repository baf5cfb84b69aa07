import { sql } from 'drizzle-orm'
import { boolean, index, pgEnum, pgTable, primaryKey, text, timestamp, uuid, uniqueIndex, foreignKey } from 'drizzle-orm/pg-core'
import { organizations } from './organizations'
import { assignmentStrategies, roles } from '../enums'

export { assignmentStrategies, roles, type AssignmentStrategy, type Role } from '../enums'
export const roleEnum = pgEnum('role', roles)

/** People are global: one account may belong to several organisations. */
export const users = pgTable('users', {
  id: uuid().primaryKey().defaultRandom(),
  email: text().notNull(),
  name: text().notNull(),
  passwordHash: text(),
  /** For the SMS/WhatsApp webhook channel (§10); the person sets it on their preferences page. */
  phone: text(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('users_email_key').on(sql`lower(${t.email})`)])

export const memberships = pgTable('memberships', {
  organizationId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  userId: uuid().notNull().references(() => users.id, { onDelete: 'cascade' }),
  role: roleEnum().notNull(),
  active: boolean().notNull().default(true),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  /**
   * Copies of the user's name and email, so the members list can be searched, filtered and
   * paged in name order from one table's indexes (a search over a join with `users` had to
   * read every membership of a 120,000-member org). Triggers keep them equal to `users`
   * (migration 0015): filled on insert, rewritten when a user's name or email changes.
   */
  name: text().notNull().default(''),
  email: text().notNull().default(''),
}, (t) => [
  primaryKey({ columns: [t.organizationId, t.userId] }),
  index('memberships_user_idx').on(t.userId),
  // The assignee pickers list an org's active agents and admins: without this, every list
  // and ticket page read all of the org's memberships (120,000 requesters in the benchmark).
  index('memberships_org_role_idx').on(t.organizationId, t.role, t.userId).where(sql`active`),
  // The members list's keyset order. The trailing columns make it covering (Drizzle has no
  // INCLUDE): a search that matches few rows early in name order filters in the index
  // alone, without a heap visit per skipped row (about half the time at 120,000 members).
  index('memberships_org_name_idx').on(t.organizationId, sql`lower(${t.name})`, t.userId, t.role, t.active, t.name, t.email, t.createdAt),
  // Substring search (ILIKE '%q%') on name or email: pg_trgm, loaded on PGlite and Postgres alike.
  index('memberships_name_trgm_idx').using('gin', t.name.op('gin_trgm_ops')),
  index('memberships_email_trgm_idx').using('gin', t.email.op('gin_trgm_ops')),
])

/** Failed and successful sign-ins, for per-account and per-IP rate limiting (§2). */
export const signInAttempts = pgTable('sign_in_attempts', {
  id: uuid().primaryKey().defaultRandom(),
  email: text().notNull(),
  ip: text().notNull(),
  success: boolean().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('sign_in_attempts_email_idx').on(t.email, t.createdAt),
  index('sign_in_attempts_ip_idx').on(t.ip, t.createdAt),
])

export const assignmentStrategyEnum = pgEnum('assignment_strategy', assignmentStrategies)

export const teams = pgTable('teams', {
  organizationId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  id: uuid().notNull().defaultRandom(),
  name: text().notNull(),
  /** A cleared team: its members may see sensitive tickets (§6). */
  restricted: boolean().notNull().default(false),
  /** A field team: its technicians accept or reject the jobs they are given (§6); other teams' tickets are simply worked. */
  field: boolean().notNull().default(false),
  assignmentStrategy: assignmentStrategyEnum().notNull().default('round_robin'),
  /** Round-robin cursor: the member who got the last ticket. Read and moved under the team row's lock. */
  lastAssigneeId: uuid(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.organizationId, t.id] }),
  uniqueIndex('teams_org_name_key').on(t.organizationId, t.name),
])

export const teamMembers = pgTable('team_members', {
  organizationId: uuid().notNull(),
  teamId: uuid().notNull(),
  userId: uuid().notNull(),
}, (t) => [
  primaryKey({ columns: [t.organizationId, t.teamId, t.userId] }),
  foreignKey({ columns: [t.organizationId, t.teamId], foreignColumns: [teams.organizationId, teams.id] }).onDelete('cascade'),
  foreignKey({ columns: [t.organizationId, t.userId], foreignColumns: [memberships.organizationId, memberships.userId] }).onDelete('cascade'),
  index('team_members_org_user_idx').on(t.organizationId, t.userId),
])

/** Magic-link tokens (Auth.js email provider); stored hashed, used once. */
export const verificationTokens = pgTable('verification_tokens', {
  identifier: text().notNull(),
  token: text().notNull(),
  expires: timestamp({ withTimezone: true }).notNull(),
}, (t) => [primaryKey({ columns: [t.identifier, t.token] })])
