import 'server-only'
import { and, eq, sql } from 'drizzle-orm'
import { categories, memberships, statusHistory, ticketCounters, tickets } from '@/db/schema'
import { withTx } from '@/lib/db/tx'
import type { Ctx } from '@/lib/auth/ctx-type'
import { authorize, can } from '@/lib/authz/can'
import { recordAudit } from '@/lib/audit/record'
import { ValidationError } from '@/lib/errors'
import { findUserByEmail } from '@/lib/users/create-user'
import { CreateTicketInput } from './schemas'
import { notifyTicket } from '@/lib/notifications/notify'
import { recomputeSla } from '@/lib/sla/internal/recompute'
import { routeNewTicket } from '@/lib/routing/route-ticket'
import { claimAttachments } from '@/lib/attachments/claim'

/**
 * Creates a ticket from the portal, or on behalf of a requester by staff (§3).
 * The number comes from the org's counter row, updated in the same transaction:
 * concurrent creations queue on that row lock, and a rollback gives the number back.
 */
export async function createTicket(ctx: Ctx, raw: CreateTicketInput) {
  authorize(ctx, 'ticket:create')
  const input = CreateTicketInput.parse(raw)
  return withTx(ctx, async (tx) => {
    let requesterId = ctx.user.id
    if (input.requesterEmail && can(ctx, 'ticket:create_on_behalf')) {
      const user = await findUserByEmail(tx, input.requesterEmail)
      const [member] = user ? await tx.select().from(memberships)
        .where(and(eq(memberships.organizationId, ctx.org.id), eq(memberships.userId, user.id), eq(memberships.active, true))) : []
      if (!member) throw new ValidationError('Not a member', { requesterEmail: ['No active member of this organisation has that email'] })
      requesterId = user!.id
    }
    // The category check and the number go out together; a refused category rolls the number back.
    const [cats, [counter]] = await Promise.all([
      input.categoryId ? tx.select().from(categories)
        .where(and(eq(categories.organizationId, ctx.org.id), eq(categories.id, input.categoryId), eq(categories.active, true))) : null,
      tx.update(ticketCounters)
        .set({ lastNumber: sql`${ticketCounters.lastNumber} + 1` })
        .where(eq(ticketCounters.organizationId, ctx.org.id))
        .returning({ number: ticketCounters.lastNumber }),
    ])
    if (cats && !cats[0]) throw new ValidationError('Unknown category', { categoryId: ['Choose one of the listed categories'] })
    const sensitive = cats?.[0]?.sensitive ?? false
    const [ticket] = await tx.insert(tickets).values({
      organizationId: ctx.org.id,
      number: counter.number,
      title: input.title,
      description: input.description,
      priority: input.priority,
      categoryId: input.categoryId ?? null,
      requesterId,
      sensitive,
      assetRef: input.assetRef ?? null,
      createdById: ctx.user.id,
    }).returning()
    await Promise.all([
      tx.insert(statusHistory).values({
        organizationId: ctx.org.id, ticketId: ticket.id, fromStatus: null, toStatus: 'new',
        actorId: ctx.user.id, actorRole: ctx.role,
      }),
      recordAudit(tx, ctx, {
        entityType: 'ticket', entityId: ticket.id, action: 'ticket.created',
        changes: {
          number: [null, ticket.number], title: [null, ticket.title], priority: [null, ticket.priority],
          categoryId: [null, ticket.categoryId], requesterId: [null, requesterId], sensitive: [null, sensitive],
        },
      }),
    ])
    await claimAttachments(tx, ctx, ticket, input.attachmentIds, { commentId: null, internal: false })
    await recomputeSla(tx, ctx, ticket)
    await notifyTicket(tx, ctx, ticket, { event: 'ticket.created' })
    // Routing (§6) in the same transaction: the ticket never exists outside a queue it belongs in.
    await routeNewTicket(tx, ctx, ticket, can(ctx, 'ticket:create_on_behalf') ? input.teamId : undefined)
    return ticket
  })
}
