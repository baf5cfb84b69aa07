import 'server-only'
import { and, asc, desc, eq, gt, sql } from 'drizzle-orm'
import type { z } from 'zod'
import { ticketTagCounts, tickets } from '@/db/schema'
import { dbFor, withTx } from '@/lib/db/tx'
import type { Ctx } from '@/lib/auth/ctx-type'
import { authorize } from '@/lib/authz/can'
import { recordAudit } from '@/lib/audit/record'
import { ValidationError } from '@/lib/errors'
import { loadVisibleTicket } from './internal/load'
import { MAX_TAGS_PER_TICKET, OrgTagsQuery, SetTicketTagsInput, TAG_MAX } from './schemas'

/**
 * Adds and removes tags on one ticket (or, with `set`, replaces them), as staff who may
 * edit it. Tags keep the order they were added in. More than 20 is refused, never cut.
 * Inside a caller's transaction (`ctx.tx`) it joins it, so a bulk action can tag many
 * tickets as one change.
 */
export async function setTicketTags(ctx: Ctx, raw: z.input<typeof SetTicketTagsInput>) {
  authorize(ctx, 'ticket:edit', 'Only staff can tag tickets')
  const input = SetTicketTagsInput.parse(raw)
  return withTx(ctx, async (tx) => {
    const ticket = await loadVisibleTicket(tx, ctx, input.number, { lock: true })
    const removed = new Set(input.remove)
    const next = [...new Set(input.set ?? [...ticket.tags.filter((t) => !removed.has(t)), ...input.add.filter((t) => !removed.has(t))])]
    if (next.length > MAX_TAGS_PER_TICKET) {
      throw new ValidationError(`A ticket can have at most ${MAX_TAGS_PER_TICKET} tags; remove one first`, {
        tags: [`Ticket #${ticket.number} would have ${next.length} tags; the most is ${MAX_TAGS_PER_TICKET}`],
      })
    }
    if (next.length === ticket.tags.length && next.every((t, i) => t === ticket.tags[i])) return ticket
    const [updated] = await tx.update(tickets).set({ tags: next, updatedAt: new Date() })
      .where(and(eq(tickets.organizationId, ctx.org.id), eq(tickets.id, ticket.id))).returning()
    await recordAudit(tx, ctx, { entityType: 'ticket', entityId: ticket.id, action: 'ticket.tags_changed', changes: { tags: [ticket.tags, next] } })
    return updated
  })
}

/**
 * The tag input's suggestions: tags of the organisation's tickets the caller can see,
 * starting with `prefix`, most used first. Read from ticket_tag_counts (db/schema/tags.ts):
 * without clearance only the count of non-sensitive tickets counts, so a tag carried only
 * by sensitive tickets is never offered. (An uncleared agent's own sensitive requests are
 * left out too: fewer suggestions, never more.)
 */
export async function listOrgTags(ctx: Ctx, raw: z.input<typeof OrgTagsQuery> = {}) {
  authorize(ctx, 'ticket:edit')
  const { prefix, limit } = OrgTagsQuery.parse(raw)
  if (prefix.length > TAG_MAX) return []
  const seesSensitive = ctx.role === 'admin' || ctx.cleared
  const uses = seesSensitive ? sql<number>`${ticketTagCounts.tickets}` : sql<number>`${ticketTagCounts.tickets} - ${ticketTagCounts.sensitiveTickets}`
  const db = await dbFor(ctx)
  // The org's rows by primary key; starts_with filters them (a tag's characters sort
  // differently under each database collation, so a range scan on the prefix would not be
  // safe). An organisation has thousands of tags at most, against a million tickets.
  return db.select({ tag: ticketTagCounts.tag, count: uses.mapWith(Number) }).from(ticketTagCounts)
    .where(and(
      eq(ticketTagCounts.organizationId, ctx.org.id), gt(uses, 0),
      prefix ? sql`starts_with(${ticketTagCounts.tag}, ${prefix})` : undefined,
    ))
    .orderBy(desc(uses), asc(ticketTagCounts.tag)).limit(limit)
}
