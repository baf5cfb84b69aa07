import { sql } from 'drizzle-orm'
import {
  boolean, foreignKey, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid, uniqueIndex,
} from 'drizzle-orm/pg-core'
import { organizations } from './organizations'
import { categories } from './categories'
import { memberships, roleEnum, teams } from './users'
import { assignmentKinds, ticketPriorities, ticketStatuses } from '../enums'

export { assignmentKinds, ticketPriorities, ticketStatuses, type AssignmentKind, type TicketPriority, type TicketStatus } from '../enums'
export const ticketStatusEnum = pgEnum('ticket_status', ticketStatuses)

export const ticketPriorityEnum = pgEnum('ticket_priority', ticketPriorities)

/** One row per organisation; locking it makes ticket numbers gap-free and race-free. */
export const ticketCounters = pgTable('ticket_counters', {
  organizationId: uuid().primaryKey().references(() => organizations.id, { onDelete: 'cascade' }),
  lastNumber: integer().notNull().default(0),
})

const openStatuses = sql`status in ('new','open','in_progress','pending','on_hold')`

/**
 * The list's default sort key — the next live SLA deadline, tickets without one last —
 * exactly as lib/tickets/list-tickets.ts orders by it (`dueKey('asc')` over `slaDueSql`).
 * Postgres uses an expression index only for the same expression: change both together
 * (the benchmark's plan check fails if they drift apart).
 */
const dueKeyFor = (noDeadline: 'infinity' | '-infinity') =>
  sql.raw(`(coalesce((case when sla_policy_id is null or status in ('resolved', 'closed', 'cancelled') then null when first_response_at is null then response_due_at else resolution_due_at end), '${noDeadline}'::timestamptz))`)
const dueKey = dueKeyFor('infinity')
/** The same for the list sorted latest deadline first (`dueKey('desc')`): no deadline is -infinity there, so it still goes last. */
const dueKeyDesc = dueKeyFor('-infinity')

export const tickets = pgTable('tickets', {
  organizationId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  id: uuid().notNull().defaultRandom(),
  number: integer().notNull(),
  title: text().notNull(),
  description: text().notNull(),
  status: ticketStatusEnum().notNull().default('new'),
  priority: ticketPriorityEnum().notNull().default('normal'),
  categoryId: uuid(),
  requesterId: uuid().notNull(),
  assigneeId: uuid(),
  teamId: uuid(),
  /** When the assignee accepted the job (§6 field-ops flow); null while it awaits an answer. */
  acceptedAt: timestamp({ withTimezone: true }),
  sensitive: boolean().notNull().default(false),
  tags: text().array().notNull().default(sql`'{}'::text[]`),
  assetRef: text(),
  createdById: uuid().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  firstResponseAt: timestamp({ withTimezone: true }),
  resolvedAt: timestamp({ withTimezone: true }),
  closedAt: timestamp({ withTimezone: true }),
  /** SLA deadlines and the 75 % marks (§5), stored as instants so lists and the sweep compare with now(). */
  slaPolicyId: uuid(),
  responseDueAt: timestamp({ withTimezone: true }),
  responseAtRiskAt: timestamp({ withTimezone: true }),
  resolutionDueAt: timestamp({ withTimezone: true }),
  resolutionAtRiskAt: timestamp({ withTimezone: true }),
  /** Set while the clock is stopped (pending, on hold, resolved); the due dates are then null. */
  slaPausedAt: timestamp({ withTimezone: true }),
  escalatedAt: timestamp({ withTimezone: true }),
  deletedAt: timestamp({ withTimezone: true }),
  deletedById: uuid(),
  viewCount: integer().notNull().default(0),
  /** Set when this ticket was merged into another (a duplicate); it is then closed and links there. */
  mergedIntoId: uuid(),
}, (t) => [
  primaryKey({ columns: [t.organizationId, t.id] }),
  uniqueIndex('tickets_org_number_key').on(t.organizationId, t.number),
  foreignKey({ columns: [t.organizationId, t.categoryId], foreignColumns: [categories.organizationId, categories.id] }),
  foreignKey({ columns: [t.organizationId, t.teamId], foreignColumns: [teams.organizationId, teams.id] }),
  foreignKey({ name: 'tickets_merged_into_fk', columns: [t.organizationId, t.mergedIntoId], foreignColumns: [t.organizationId, t.id] }),
  // People are referenced through their membership, so a ticket can only name members of its own org.
  foreignKey({ name: 'tickets_requester_fk', columns: [t.organizationId, t.requesterId], foreignColumns: [memberships.organizationId, memberships.userId] }),
  foreignKey({ name: 'tickets_assignee_fk', columns: [t.organizationId, t.assigneeId], foreignColumns: [memberships.organizationId, memberships.userId] }),
  index('tickets_org_status_number_idx').on(t.organizationId, t.status, t.number).where(sql`deleted_at is null`),
  // Team queues and their counts (§6).
  index('tickets_org_team_open_idx').on(t.organizationId, t.teamId, t.number).where(sql`deleted_at is null and ${openStatuses}`),
  index('tickets_org_assignee_open_idx').on(t.organizationId, t.assigneeId, t.number).where(sql`deleted_at is null and ${openStatuses}`),
  // "My tickets" in the portal, newest activity first: with the number as the tiebreak the
  // page is read in index order, not sorted from all of a requester's tickets.
  index('tickets_org_requester_updated_idx').on(t.organizationId, t.requesterId, t.updatedAt, t.number).where(sql`deleted_at is null`),
  index('tickets_org_updated_idx').on(t.organizationId, t.updatedAt).where(sql`deleted_at is null`),
  // The breach sweep (per org) and the "breaches first" queue: only live deadlines.
  index('tickets_org_response_due_idx').on(t.organizationId, t.responseDueAt).where(sql`deleted_at is null and first_response_at is null and response_due_at is not null`),
  index('tickets_org_resolution_due_idx').on(t.organizationId, t.resolutionDueAt, t.number).where(sql`deleted_at is null and resolved_at is null and resolution_due_at is not null`),
  // The workspace list in its default order (what breaches first) with keyset paging. The
  // trailing columns are what the visibility rule and the list's filters test, so a capped
  // count is an index-only scan rather than a walk over the heap.
  index('tickets_org_due_idx').on(t.organizationId, dueKey, t.number, t.status, t.priority, t.sensitive, t.requesterId, t.assigneeId, t.teamId)
    .where(sql`deleted_at is null`),
  // The list sorted by SLA due, latest first (a second click on the column): without it a
  // big org's list sorted 600,000 rows per page.
  index('tickets_org_due_desc_idx').on(t.organizationId, dueKeyDesc, t.number).where(sql`deleted_at is null`),
  // The auto-close job's resolved tickets (about 1 %), instead of a scan of all of them.
  index('tickets_org_resolved_idx').on(t.organizationId, t.resolvedAt).where(sql`deleted_at is null and status = 'resolved'`),
  // "My work" (assignee = me, or the mine queue) in due order. Status and the visibility
  // columns trail so the queue badges (mine, unassigned) count without reading the heap.
  index('tickets_org_assignee_due_v2_idx').on(t.organizationId, t.assigneeId, dueKey, t.number, t.status, t.sensitive, t.requesterId)
    .where(sql`deleted_at is null`),
  // A team's open tickets in due order: team queues, their badges (index-only, thanks to
  // the trailing visibility columns) and the status/priority/team filter.
  // `tag:vpn` in the search box (lib/search/predicate.ts: tags @> array['vpn']): the org's
  // tickets carrying the tag straight from the index (btree_gin puts the org first, as in
  // tickets_search_idx), instead of filtering the org's list row by row.
  index('tickets_org_tags_idx').using('gin', t.organizationId, t.tags).where(sql`deleted_at is null`),
  // The dashboard (lib/insight): open tickets by status, priority, team, assignee and age,
  // and the medians of first response and resolution over a date range — index-only, with
  // the visibility columns trailing, and the rollup job's per-hour rebuilds.
  index('tickets_org_open_insight_idx').on(t.organizationId, t.createdAt, t.status, t.priority, t.teamId, t.assigneeId, t.sensitive, t.requesterId)
    .where(sql`deleted_at is null and ${openStatuses}`),
  index('tickets_org_created_idx').on(t.organizationId, t.createdAt, t.teamId, t.assigneeId, t.sensitive, t.requesterId).where(sql`deleted_at is null`),
  index('tickets_org_first_response_idx').on(t.organizationId, t.firstResponseAt, t.createdAt, t.teamId, t.assigneeId, t.sensitive, t.requesterId,
    t.slaPolicyId, t.responseDueAt).where(sql`deleted_at is null and first_response_at is not null`),
  index('tickets_org_resolved_at_idx').on(t.organizationId, t.resolvedAt, t.createdAt, t.teamId, t.assigneeId, t.sensitive, t.requesterId,
    t.slaPolicyId, t.resolutionDueAt).where(sql`deleted_at is null and resolved_at is not null`),
  index('tickets_org_team_due_open_v2_idx').on(t.organizationId, t.teamId, dueKey, t.number, t.status, t.priority, t.sensitive, t.requesterId)
    .where(sql`deleted_at is null and ${openStatuses}`),
])

export const statusHistory = pgTable('status_history', {
  organizationId: uuid().notNull(),
  id: uuid().notNull().defaultRandom(),
  ticketId: uuid().notNull(),
  fromStatus: ticketStatusEnum(),
  toStatus: ticketStatusEnum().notNull(),
  actorId: uuid(),
  actorRole: roleEnum(),
  note: text(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.organizationId, t.id] }),
  foreignKey({ columns: [t.organizationId, t.ticketId], foreignColumns: [tickets.organizationId, tickets.id] }).onDelete('cascade'),
  index('status_history_ticket_idx').on(t.organizationId, t.ticketId, t.createdAt),
])

export const assignmentKindEnum = pgEnum('assignment_kind', assignmentKinds)

export const assignmentHistory = pgTable('assignment_history', {
  organizationId: uuid().notNull(),
  id: uuid().notNull().defaultRandom(),
  ticketId: uuid().notNull(),
  kind: assignmentKindEnum().notNull().default('assigned'),
  fromAssigneeId: uuid(),
  toAssigneeId: uuid(),
  fromTeamId: uuid(),
  toTeamId: uuid(),
  actorId: uuid(),
  reason: text(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.organizationId, t.id] }),
  foreignKey({ columns: [t.organizationId, t.ticketId], foreignColumns: [tickets.organizationId, tickets.id] }).onDelete('cascade'),
  index('assignment_history_ticket_idx').on(t.organizationId, t.ticketId, t.createdAt),
])

export const comments = pgTable('comments', {
  organizationId: uuid().notNull(),
  id: uuid().notNull().defaultRandom(),
  ticketId: uuid().notNull(),
  authorId: uuid().notNull(),
  body: text().notNull(),
  /** Internal notes are staff-only on every path (§7). */
  internal: boolean().notNull().default(false),
  isSolution: boolean().notNull().default(false),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.organizationId, t.id] }),
  foreignKey({ columns: [t.organizationId, t.ticketId], foreignColumns: [tickets.organizationId, tickets.id] }).onDelete('cascade'),
  foreignKey({ name: 'comments_author_fk', columns: [t.organizationId, t.authorId], foreignColumns: [memberships.organizationId, memberships.userId] }),
  index('comments_ticket_idx').on(t.organizationId, t.ticketId, t.createdAt),
])
