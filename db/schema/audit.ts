import { bigint, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { organizations } from './organizations'
import { roleEnum } from './users'

export type AuditChanges = Record<string, [unknown, unknown]>

/**
 * Append-only, hash-chained per organisation (§9). `seq` is gap-free per org;
 * `hash` = sha256(prevHash + canonical event), so editing or deleting any event breaks the chain.
 */
export const auditEvents = pgTable('audit_events', {
  organizationId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  seq: bigint({ mode: 'number' }).notNull(),
  actorId: uuid(),
  actorRole: roleEnum(),
  entityType: text().notNull(),
  entityId: text().notNull(),
  action: text().notNull(),
  changes: jsonb().$type<AuditChanges>().notNull(),
  ip: text(),
  createdAt: timestamp({ withTimezone: true }).notNull(),
  prevHash: text().notNull(),
  hash: text().notNull(),
}, (t) => [
  primaryKey({ columns: [t.organizationId, t.seq] }),
  index('audit_events_entity_idx').on(t.organizationId, t.entityType, t.entityId, t.seq),
  index('audit_events_actor_idx').on(t.organizationId, t.actorId, t.seq),
])

/** The head of each org's chain; locking this row serialises appends within one org only. */
export const auditHeads = pgTable('audit_heads', {
  organizationId: uuid().primaryKey().references(() => organizations.id, { onDelete: 'cascade' }),
  lastSeq: bigint({ mode: 'number' }).notNull().default(0),
  lastHash: text().notNull(),
})
