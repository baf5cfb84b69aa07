import { jsonb, pgTable, text, timestamp, uuid, uniqueIndex } from 'drizzle-orm/pg-core'
import { defaultOrgSettings, type OrgSettings } from '../enums'

export { defaultOrgSettings, type OrgSettings } from '../enums'

/** The tenant. In a Citus deployment this is a reference table; everything else is distributed by `organization_id`. */
export const organizations = pgTable('organizations', {
  id: uuid().primaryKey().defaultRandom(),
  slug: text().notNull(),
  name: text().notNull(),
  settings: jsonb().$type<OrgSettings>().notNull().default(defaultOrgSettings),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('organizations_slug_key').on(t.slug)])
