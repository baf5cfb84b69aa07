import { check, foreignKey, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { sql } from 'drizzle-orm'
import { organizations } from './organizations'
import { tickets } from './tickets'

/**
 * One satisfaction survey per resolution (§13): sent to the requester when the ticket is
 * resolved, answered once through a signed link or the portal. The agent and team are
 * copied at resolution so per-agent results stay true after a reassignment.
 */
export const csatSurveys = pgTable('csat_surveys', {
  organizationId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  id: uuid().primaryKey().defaultRandom(),
  ticketId: uuid().notNull(),
  requesterId: uuid().notNull(),
  agentId: uuid(),
  teamId: uuid(),
  sentAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  rating: text({ enum: ['good', 'bad'] }),
  comment: text(),
  answeredAt: timestamp({ withTimezone: true }),
}, (t) => [
  foreignKey({ name: 'csat_surveys_ticket_fk', columns: [t.organizationId, t.ticketId], foreignColumns: [tickets.organizationId, tickets.id] }).onDelete('cascade'),
  index('csat_surveys_org_ticket_idx').on(t.organizationId, t.ticketId),
  index('csat_surveys_org_answered_idx').on(t.organizationId, t.answeredAt).where(sql`answered_at is not null`),
  check('csat_surveys_rating_check', sql`rating is null or rating in ('good', 'bad')`),
])
