import { boolean, foreignKey, index, pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core'
import { memberships } from './users'
import { tickets } from './tickets'

/**
 * Who has a ticket open right now, and whether they are typing a reply (issue 16, collision
 * warning). A row per (ticket, person), refreshed by a heartbeat from the open page and
 * treated as gone once `seenAt` is older than the expiry (lib/presence). A table rather than
 * per-process memory because app instances share nothing else: any instance answers "who is
 * here" from it, and a newcomer sees people who arrived before it connected.
 */
export const ticketPresence = pgTable('ticket_presence', {
  organizationId: uuid().notNull(),
  ticketId: uuid().notNull(),
  userId: uuid().notNull(),
  typing: boolean().notNull().default(false),
  seenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.organizationId, t.ticketId, t.userId] }),
  foreignKey({ name: 'ticket_presence_ticket_fk', columns: [t.organizationId, t.ticketId], foreignColumns: [tickets.organizationId, tickets.id] }).onDelete('cascade'),
  foreignKey({ name: 'ticket_presence_member_fk', columns: [t.organizationId, t.userId], foreignColumns: [memberships.organizationId, memberships.userId] }).onDelete('cascade'),
  index('ticket_presence_seen_idx').on(t.seenAt),
])
