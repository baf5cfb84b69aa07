import 'server-only'
import { and, eq, inArray } from 'drizzle-orm'
import { categories, comments, memberships, routingRules, savedViews, teams, tickets, users } from '@/db/schema'
import { getDb } from '@/db/client'
import type { Ctx } from '@/lib/auth/ctx-type'
import { authorize } from '@/lib/authz/can'
import { isUuid, type AuditRefs } from './format'

type EventLike = { entityId: string; changes: Record<string, [unknown, unknown]> | null }

/**
 * Names for the ids an audit page mentions (entity ids and id-valued changes), so the
 * log reads "assignee: Andy Agent" instead of a uuid. One batched query per kind, each
 * scoped to the admin's organisation, whatever the page size.
 */
export async function auditReferences(ctx: Ctx, events: EventLike[]): Promise<AuditRefs> {
  authorize(ctx, 'audit:view')
  const ids = new Set<string>()
  for (const e of events) {
    if (isUuid(e.entityId)) ids.add(e.entityId)
    for (const pair of Object.values(e.changes ?? {})) {
      for (const v of Array.isArray(pair) ? pair : [pair]) if (isUuid(v)) ids.add(v)
    }
  }
  const refs: AuditRefs = {}
  if (ids.size === 0) return refs
  const list = [...ids]
  const org = ctx.org.id
  const db = await getDb()
  const [people, ticketRows, commentRows, categoryRows, teamRows, ruleRows, viewRows] = await Promise.all([
    db.select({ id: users.id, name: users.name }).from(memberships).innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.organizationId, org), inArray(memberships.userId, list))),
    db.select({ id: tickets.id, number: tickets.number }).from(tickets)
      .where(and(eq(tickets.organizationId, org), inArray(tickets.id, list))),
    db.select({ id: comments.id, number: tickets.number }).from(comments)
      .innerJoin(tickets, and(eq(tickets.organizationId, comments.organizationId), eq(tickets.id, comments.ticketId)))
      .where(and(eq(comments.organizationId, org), inArray(comments.id, list))),
    db.select({ id: categories.id, name: categories.name }).from(categories)
      .where(and(eq(categories.organizationId, org), inArray(categories.id, list))),
    db.select({ id: teams.id, name: teams.name }).from(teams)
      .where(and(eq(teams.organizationId, org), inArray(teams.id, list))),
    db.select({ id: routingRules.id, name: routingRules.name }).from(routingRules)
      .where(and(eq(routingRules.organizationId, org), inArray(routingRules.id, list))),
    db.select({ id: savedViews.id, name: savedViews.name }).from(savedViews)
      .where(and(eq(savedViews.organizationId, org), inArray(savedViews.id, list))),
  ])
  for (const p of people) refs[p.id] = p.name
  for (const t of ticketRows) refs[t.id] = `#${t.number}`
  for (const c of commentRows) refs[c.id] = `on #${c.number}`
  for (const c of categoryRows) refs[c.id] = c.name
  for (const t of teamRows) refs[t.id] = t.name
  for (const r of ruleRows) refs[r.id] = `“${r.name}”`
  for (const v of viewRows) refs[v.id] = `“${v.name}”`
  return refs
}
