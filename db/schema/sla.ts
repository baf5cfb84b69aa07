import { sql } from 'drizzle-orm'
import { boolean, foreignKey, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core'
import { organizations } from './organizations'
import { categories } from './categories'
import { ticketPriorityEnum, tickets } from './tickets'
import { slaEventKinds, slaTargets } from '../enums'

/** The org's business calendar (§5): weekly hours and holidays in the org's time zone. */
export const slaCalendars = pgTable('sla_calendars', {
  organizationId: uuid().primaryKey().references(() => organizations.id, { onDelete: 'cascade' }),
  timeZone: text().notNull(),
  /** 7 entries, 0 = Sunday; each a list of ["HH:mm", "HH:mm"] intervals. */
  weekly: jsonb().$type<[string, string][][]>().notNull(),
  holidays: jsonb().$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  /** A name per holiday date ("Christmas Day"), shown beside it; the clock reads only `holidays`. */
  holidayNames: jsonb().$type<Record<string, string>>().notNull().default(sql`'{}'::jsonb`),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
})

/**
 * Targets per priority, optionally per category (the category policy wins). One active
 * policy per (priority, category); `category_id` null is the priority default.
 */
export const slaPolicies = pgTable('sla_policies', {
  organizationId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  id: uuid().notNull().defaultRandom(),
  priority: ticketPriorityEnum().notNull(),
  categoryId: uuid(),
  responseMinutes: integer().notNull(),
  resolutionMinutes: integer().notNull(),
  businessHours: boolean().notNull().default(true),
  active: boolean().notNull().default(true),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.organizationId, t.id] }),
  unique('sla_policies_scope_key').on(t.organizationId, t.priority, t.categoryId).nullsNotDistinct(),
  foreignKey({ columns: [t.organizationId, t.categoryId], foreignColumns: [categories.organizationId, categories.id] }).onDelete('cascade'),
])

export { slaEventKinds, slaTargets, type SlaTarget } from '../enums'
export const slaTargetEnum = pgEnum('sla_target', slaTargets)
export const slaEventKindEnum = pgEnum('sla_event_kind', slaEventKinds)

/**
 * What the breach sweep has seen: one row per ticket, target and kind. The primary key
 * is what makes the sweep idempotent and safe with several workers — only the worker
 * whose insert succeeds escalates and notifies.
 */
export const slaEvents = pgTable('sla_events', {
  organizationId: uuid().notNull(),
  ticketId: uuid().notNull(),
  target: slaTargetEnum().notNull(),
  kind: slaEventKindEnum().notNull(),
  dueAt: timestamp({ withTimezone: true }).notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.organizationId, t.ticketId, t.target, t.kind] }),
  foreignKey({ columns: [t.organizationId, t.ticketId], foreignColumns: [tickets.organizationId, tickets.id] }).onDelete('cascade'),
  index('sla_events_org_created_idx').on(t.organizationId, t.createdAt),
])
