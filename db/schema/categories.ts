import { boolean, integer, pgTable, primaryKey, text, timestamp, uuid, uniqueIndex } from 'drizzle-orm/pg-core'
import { organizations } from './organizations'

export const categories = pgTable('categories', {
  organizationId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  id: uuid().notNull().defaultRandom(),
  name: text().notNull(),
  /** Tickets in a sensitive category are restricted (§6). */
  sensitive: boolean().notNull().default(false),
  active: boolean().notNull().default(true),
  /** The admin's order in pickers (settings → categories); ties fall back to the name. */
  position: integer().notNull().default(0),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.organizationId, t.id] }),
  uniqueIndex('categories_org_name_key').on(t.organizationId, t.name),
])
