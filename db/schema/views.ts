import { sql } from 'drizzle-orm'
import { check, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { organizations } from './organizations'
import { memberships, teams } from './users'

/**
 * Saved views of the ticket list (§11): a search-language string (lib/search/query.ts) and a
 * sort, nothing more, so running one is always `visibleTickets ∧ query` and a shared view
 * shows nobody more than they may see. `personal`: its owner only; `org`: every agent and
 * admin; `team`: that team's members. A team's views go with the team.
 */
export const savedViews = pgTable('saved_views', {
  organizationId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  id: uuid().notNull().defaultRandom(),
  ownerId: uuid().notNull(),
  name: text().notNull(),
  query: text().notNull().default(''),
  sort: text().notNull().default('due'),
  dir: text().notNull().default('asc'),
  scope: text().$type<'personal' | 'org' | 'team'>().notNull().default('personal'),
  teamId: uuid(),
  position: integer().notNull().default(0),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.organizationId, t.id] }),
  foreignKey({ name: 'saved_views_owner_fk', columns: [t.organizationId, t.ownerId], foreignColumns: [memberships.organizationId, memberships.userId] }).onDelete('cascade'),
  foreignKey({ name: 'saved_views_team_fk', columns: [t.organizationId, t.teamId], foreignColumns: [teams.organizationId, teams.id] }).onDelete('cascade'),
  check('saved_views_scope_check', sql`${t.scope} in ('personal', 'org', 'team') and (${t.scope} = 'team') = (${t.teamId} is not null)`),
  check('saved_views_dir_check', sql`${t.dir} in ('asc', 'desc')`),
  // One name per shelf: my views, the org's, a team's (case-blind, as people read them).
  uniqueIndex('saved_views_personal_name_key').on(t.organizationId, t.ownerId, sql`lower(${t.name})`).where(sql`scope = 'personal'`),
  uniqueIndex('saved_views_org_name_key').on(t.organizationId, sql`lower(${t.name})`).where(sql`scope = 'org'`),
  uniqueIndex('saved_views_team_name_key').on(t.organizationId, t.teamId, sql`lower(${t.name})`).where(sql`scope = 'team'`),
  index('saved_views_org_scope_idx').on(t.organizationId, t.scope, t.position),
])

/** Per person per organisation: how the ticket list looks (which optional columns it shows). */
export const listPreferences = pgTable('list_preferences', {
  organizationId: uuid().notNull(),
  userId: uuid().notNull(),
  columns: text().array().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.organizationId, t.userId] }),
  foreignKey({ name: 'list_preferences_member_fk', columns: [t.organizationId, t.userId], foreignColumns: [memberships.organizationId, memberships.userId] }).onDelete('cascade'),
])
