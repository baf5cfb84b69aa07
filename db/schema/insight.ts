import { boolean, index, integer, pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core'
import { organizations } from './organizations'

/**
 * The dashboard's hourly rollup (§12): per organisation, UTC hour and `sensitive` — how many
 * tickets were created, resolved, and met or breached each SLA target in that hour. It serves
 * the admin's organisation-wide series, the figure that grows with the whole history. Hours,
 * not days, so any viewer's day (a whole-hour offset from UTC) is a sum of buckets;
 * `sensitive` is a dimension so uncleared viewers' sums can leave those tickets out.
 *
 * Only those two dimensions, measured at 1M tickets: keyed also by team and assignee nearly
 * every bucket held one event (2.7M buckets; by team alone 1.4M) and a range read slower than
 * the tickets' own covering indexes. Team-, agent- and an agent's own figures read those
 * indexes instead (lib/insight/sums.ts): a team's or an agent's share of an org is small.
 *
 * Derived data: lib/insight/rollups.ts rebuilds a bucket from `tickets` whenever a trigger
 * (migration 0020) has marked its hour dirty; `npm run rollups:rebuild` rebuilds everything.
 * Deleted tickets never count (they leave their buckets dirty and are left out on rebuild).
 */
export const ticketRollups = pgTable('ticket_rollups', {
  organizationId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  hour: timestamp({ withTimezone: true }).notNull(),
  sensitive: boolean().notNull(),
  created: integer().notNull().default(0),
  resolved: integer().notNull().default(0),
  responseMet: integer().notNull().default(0),
  responseBreached: integer().notNull().default(0),
  resolutionMet: integer().notNull().default(0),
  resolutionBreached: integer().notNull().default(0),
}, (t) => [
  // Every column the sums read, so a range is an index-only scan (the rows of one org's range
  // are scattered over the heap as the job rewrites buckets).
  index('ticket_rollups_org_hour_idx').on(t.organizationId, t.hour, t.sensitive, t.created, t.resolved,
    t.responseMet, t.responseBreached, t.resolutionMet, t.resolutionBreached),
])

/** Hours whose rollup is stale: written by the trigger in the ticket's own transaction, drained by the `insight.rollup` job. */
export const ticketRollupDirty = pgTable('ticket_rollup_dirty', {
  organizationId: uuid().notNull(),
  hour: timestamp({ withTimezone: true }).notNull(),
}, (t) => [
  primaryKey({ columns: [t.organizationId, t.hour] }),
])
