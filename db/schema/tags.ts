import { sql } from 'drizzle-orm'
import { check, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core'
import { organizations } from './organizations'

/**
 * Each organisation's tags with how many live tickets carry them, for the tag input's
 * autocomplete (lib/tickets/tags.ts `listOrgTags`): one short index range per keystroke
 * however many tickets the org has, where reading tags off the tickets themselves means
 * unnesting every tagged ticket of the org. `sensitive_tickets` is how many of them are
 * sensitive, so an agent without clearance is offered only tags that some ticket they can
 * see carries (tickets − sensitive > 0) and never learns a tag that exists only on hidden ones.
 *
 * Kept by triggers on `tickets` (migration 0017), not by the verbs: a tag stops or starts
 * counting when a ticket is tagged, but also when it is flagged sensitive, moved into a
 * sensitive category, deleted or restored — five writers today, more tomorrow (bulk
 * actions, merges). The trigger sees every one of them, in the writer's own transaction.
 */
export const ticketTagCounts = pgTable('ticket_tag_counts', {
  organizationId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  tag: text().notNull(),
  tickets: integer().notNull().default(0),
  sensitiveTickets: integer().notNull().default(0),
}, (t) => [
  primaryKey({ columns: [t.organizationId, t.tag] }),
  check('ticket_tag_counts_sane', sql`${t.sensitiveTickets} >= 0 and ${t.sensitiveTickets} <= ${t.tickets}`),
])
