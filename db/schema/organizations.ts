import { jsonb, pgTable, text, timestamp, uuid, uniqueIndex } from 'drizzle-orm/pg-core'

export type OrgSettings = {
  timezone: string
  /** Days after resolution before a ticket closes by itself (§4). */
  autoCloseDays: number
  /** Largest accepted attachment, per file (§8). Absent means the default (lib/attachments/limits.ts). */
  maxAttachmentMb?: number
  /** Total of all attachments on one ticket. Absent means the default. */
  maxTicketAttachmentsMb?: number
}

export const defaultOrgSettings: OrgSettings = { timezone: 'UTC', autoCloseDays: 7 }

/** The tenant. In a Citus deployment this is a reference table; everything else is distributed by `organization_id`. */
export const organizations = pgTable('organizations', {
  id: uuid().primaryKey().defaultRandom(),
  slug: text().notNull(),
  name: text().notNull(),
  settings: jsonb().$type<OrgSettings>().notNull().default(defaultOrgSettings),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('organizations_slug_key').on(t.slug)])
