import { sql } from 'drizzle-orm'
import { boolean, foreignKey, index, uniqueIndex, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { organizations } from './organizations'
import { memberships, users } from './users'
import { jobStatuses, type NotificationEvent } from '../enums'

export { jobStatuses, notificationEvents, type JobStatus, type NotificationEvent } from '../enums'
export const jobStatusEnum = pgEnum('job_status', jobStatuses)

/**
 * The durable queue behind the transactional outbox and every background task (mail,
 * webhooks, SLA sweeps, exports). A row is written in the same transaction as the change
 * that causes it; workers claim rows with `FOR UPDATE SKIP LOCKED`, so any number of them
 * can run at once and each job is taken by one. `organization_id` is null only for system
 * jobs (sign-in links, sweeps across orgs).
 */
export const jobs = pgTable('jobs', {
  id: uuid().primaryKey().defaultRandom(),
  organizationId: uuid().references(() => organizations.id, { onDelete: 'cascade' }),
  queue: text().notNull(),
  payload: jsonb().$type<Record<string, unknown>>().notNull(),
  status: jobStatusEnum().notNull().default('pending'),
  attempts: integer().notNull().default(0),
  maxAttempts: integer().notNull().default(8),
  runAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp({ withTimezone: true }),
  lockedBy: text(),
  lastError: text(),
  /** Recurring and one-of-a-kind jobs (sweeps): at most one live row per key, across all workers. */
  singletonKey: text(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp({ withTimezone: true }),
}, (t) => [
  uniqueIndex('jobs_singleton_key').on(t.singletonKey).where(sql`status in ('pending', 'running')`),
  // The claim query's index: only live rows, in due order.
  index('jobs_due_idx').on(t.runAt).where(sql`status in ('pending', 'running')`),
  index('jobs_org_status_idx').on(t.organizationId, t.status, t.createdAt),
])

/** The bell (§10): one row per person per event, written with the change itself. */
export const notifications = pgTable('notifications', {
  organizationId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  id: uuid().notNull().defaultRandom(),
  userId: uuid().notNull(),
  event: text().$type<NotificationEvent>().notNull(),
  ticketNumber: integer(),
  title: text().notNull(),
  body: text().notNull().default(''),
  readAt: timestamp({ withTimezone: true }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.organizationId, t.id] }),
  foreignKey({ name: 'notifications_member_fk', columns: [t.organizationId, t.userId], foreignColumns: [memberships.organizationId, memberships.userId] }).onDelete('cascade'),
  index('notifications_user_idx').on(t.organizationId, t.userId, t.createdAt),
  index('notifications_unread_idx').on(t.organizationId, t.userId).where(sql`read_at is null`),
])

/** Which events reach a person by which channel; a missing row means "on". */
export const notificationPreferences = pgTable('notification_preferences', {
  organizationId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  userId: uuid().notNull(),
  event: text().$type<NotificationEvent>().notNull(),
  email: boolean().notNull().default(true),
  inApp: boolean().notNull().default(true),
}, (t) => [
  primaryKey({ columns: [t.organizationId, t.userId, t.event] }),
  foreignKey({ name: 'notification_preferences_member_fk', columns: [t.organizationId, t.userId], foreignColumns: [memberships.organizationId, memberships.userId] }).onDelete('cascade'),
])

/**
 * Every message the mail path produced: sent over SMTP, or kept (no SMTP configured) so
 * admins can see what would have gone out. Sign-in links have no organisation.
 */
export const mailMessages = pgTable('mail_messages', {
  id: uuid().primaryKey().defaultRandom(),
  organizationId: uuid().references(() => organizations.id, { onDelete: 'cascade' }),
  jobId: uuid(),
  messageId: text().notNull(),
  toAddress: text().notNull(),
  userId: uuid().references(() => users.id, { onDelete: 'set null' }),
  subject: text().notNull(),
  textBody: text().notNull(),
  htmlBody: text().notNull(),
  event: text(),
  transport: text().$type<'smtp' | 'kept'>().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('mail_messages_org_idx').on(t.organizationId, t.createdAt),
])

/** Per-org webhook endpoint for SMS / WhatsApp gateways and integrations. */
export const webhookEndpoints = pgTable('webhook_endpoints', {
  organizationId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  id: uuid().notNull().defaultRandom(),
  url: text().notNull(),
  secret: text().notNull(),
  active: boolean().notNull().default(true),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.organizationId, t.id] })])
