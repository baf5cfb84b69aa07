import { foreignKey, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { memberships } from './users'
import { tickets } from './tickets'

/**
 * Staff following a ticket (issue 14): they hear of its events as its assignee would
 * (lib/notifications/notify.ts), as long as they may see it.
 */
export const ticketWatchers = pgTable('ticket_watchers', {
  organizationId: uuid().notNull(),
  ticketId: uuid().notNull(),
  userId: uuid().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.organizationId, t.ticketId, t.userId] }),
  foreignKey({ name: 'ticket_watchers_ticket_fk', columns: [t.organizationId, t.ticketId], foreignColumns: [tickets.organizationId, tickets.id] }).onDelete('cascade'),
  foreignKey({ name: 'ticket_watchers_member_fk', columns: [t.organizationId, t.userId], foreignColumns: [memberships.organizationId, memberships.userId] }).onDelete('cascade'),
  // A member's follows (and the cascade when a membership goes).
  index('ticket_watchers_member_idx').on(t.organizationId, t.userId),
])

/**
 * Email addresses copied on a ticket: they receive its public replies by email, nothing
 * else (lib/notifications/notify.ts). Lower-cased, at most 10 per ticket (lib/tickets/cc.ts).
 */
export const ticketCc = pgTable('ticket_cc', {
  organizationId: uuid().notNull(),
  ticketId: uuid().notNull(),
  email: text().notNull(),
  addedById: uuid().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.organizationId, t.ticketId, t.email] }),
  foreignKey({ name: 'ticket_cc_ticket_fk', columns: [t.organizationId, t.ticketId], foreignColumns: [tickets.organizationId, tickets.id] }).onDelete('cascade'),
  foreignKey({ name: 'ticket_cc_added_by_fk', columns: [t.organizationId, t.addedById], foreignColumns: [memberships.organizationId, memberships.userId] }),
])
