import { sql } from 'drizzle-orm'
import { boolean, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { organizations } from './organizations'
import { categories } from './categories'
import { ticketPriorityEnum } from './tickets'
import { teams } from './users'

/**
 * Routing rules (§6): the first active rule, by position, whose conditions all hold sends a
 * new ticket to its team. An empty condition matches anything; inside a list any entry
 * matches (keywords in title or description, requester email domains, priorities).
 */
export const routingRules = pgTable('routing_rules', {
  organizationId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  id: uuid().notNull().defaultRandom(),
  position: integer().notNull(),
  name: text().notNull(),
  active: boolean().notNull().default(true),
  teamId: uuid().notNull(),
  categoryId: uuid(),
  priorities: ticketPriorityEnum().array().notNull().default(sql`'{}'`),
  keywords: text().array().notNull().default(sql`'{}'::text[]`),
  requesterDomains: text().array().notNull().default(sql`'{}'::text[]`),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.organizationId, t.id] }),
  // A team's rules go with the team.
  foreignKey({ columns: [t.organizationId, t.teamId], foreignColumns: [teams.organizationId, teams.id] }).onDelete('cascade'),
  foreignKey({ columns: [t.organizationId, t.categoryId], foreignColumns: [categories.organizationId, categories.id] }).onDelete('cascade'),
  index('routing_rules_org_position_idx').on(t.organizationId, t.position),
])
