import 'server-only'
import { and, eq } from 'drizzle-orm'
import { tickets } from '@/db/schema'
import type { DbOrTx } from '@/db/client'
import type { Ctx } from '@/lib/auth/ctx-type'
import { recordAudit } from '@/lib/audit/record'
import { loadVisibleTicket } from './load'

/**
 * Adds and removes tags on one visible ticket, audited, in the caller's transaction. The
 * caller has authorised `ticket:edit`. A stand-in for the tickets domain's own tag verb
 * (setTicketTags): bulk actions call only this function, so swapping it is one line.
 */
export async function changeTicketTags(tx: DbOrTx, ctx: Ctx, number: number, change: { add?: string[]; remove?: string[] }) {
  const ticket = await loadVisibleTicket(tx, ctx, number, { lock: true })
  const drop = new Set(change.remove ?? [])
  const next = [...new Set([...ticket.tags, ...(change.add ?? [])])].filter((t) => !drop.has(t))
  if (next.length === ticket.tags.length && next.every((t, i) => t === ticket.tags[i])) return ticket
  const [updated] = await tx.update(tickets).set({ tags: next, updatedAt: new Date() })
    .where(and(eq(tickets.organizationId, ctx.org.id), eq(tickets.id, ticket.id))).returning()
  await recordAudit(tx, ctx, { entityType: 'ticket', entityId: ticket.id, action: 'ticket.updated', changes: { tags: [ticket.tags, next] } })
  return updated
}
