import 'server-only'
import { randomUUID } from 'node:crypto'
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
import { findPolicy, loadCalendar, slaFields } from '@/lib/sla/internal/recompute'
import { routeNewTicket } from '@/lib/routing/route-ticket'
import { loadRouting } from '@/lib/routing/load'
import { claimAttachments } from '@/lib/attachments/claim'

/**
 * Creates a ticket from the portal, or on behalf of a requester by staff (§3).
 * The number comes from the org's counter row, updated in the same transaction:
 * concurrent creations queue on that row lock, and a rollback gives the number back.
 */
export async function createTicket(ctx: Ctx, raw: CreateTicketInput) {
  authorize(ctx, 'ticket:create')
  const input = CreateTicketInput.parse(raw)
  const onBehalf = can(ctx, 'ticket:create_on_behalf')
  const explicitTeamId = onBehalf ? input.teamId : undefined
  return withTx(ctx, async (tx) => {
    let requester: { id: string; email: string } = ctx.user
    if (input.requesterEmail && onBehalf) {
      const user = await findUserByEmail(tx, input.requesterEmail)
      const [member] = user ? await tx.select().from(memberships)
        .where(and(eq(memberships.organizationId, ctx.org.id), eq(memberships.userId, user.id), eq(memberships.active, true))) : []
      if (!member) throw new ValidationError('Not a member', { requesterEmail: ['No active member of this organisation has that email'] })
      requester = user!
    }
    // Everything the new row depends on goes out together (one round trip on Postgres): the
    // category check, the number, the SLA policy and calendar, and routing's rules and teams.
    // A refused category rolls the number back.
    const [cats, [counter], policy, calendar, routing] = await Promise.all([
      input.categoryId ? tx.select().from(categories)
        .where(and(eq(categories.organizationId, ctx.org.id), eq(categories.id, input.categoryId), eq(categories.active, true))) : null,
      tx.update(ticketCounters)
        .set({ lastNumber: sql`${ticketCounters.lastNumber} + 1` })
        .where(eq(ticketCounters.organizationId, ctx.org.id))
        .returning({ number: ticketCounters.lastNumber }),
      findPolicy(tx, ctx.org.id, input.priority, input.categoryId ?? null),
      loadCalendar(tx, ctx.org),
      explicitTeamId ? undefined : loadRouting(tx, ctx.org.id),
    ])
    if (cats && !cats[0]) throw new ValidationError('Unknown category', { categoryId: ['Choose one of the listed categories'] })
    const sensitive = cats?.[0]?.sensitive ?? false
    // The id and the time are chosen here, so the status history and the audit event go out
    // with the INSERT instead of after it, and the SLA deadlines are in the row from the start.
    const id = randomUUID()
    const createdAt = new Date()
    const sla = slaFields(policy, calendar, { status: 'new', createdAt, firstResponseAt: null }, [{ toStatus: 'new', createdAt }])
    const [[ticket]] = await Promise.all([
      tx.insert(tickets).values({
        id,
        organizationId: ctx.org.id,
        number: counter.number,
        title: input.title,
        description: input.description,
        priority: input.priority,
        categoryId: input.categoryId ?? null,
        requesterId: requester.id,
        sensitive,
        assetRef: input.assetRef ?? null,
        createdById: ctx.user.id,
        createdAt,
        updatedAt: createdAt,
        ...sla,
      }).returning(),
      tx.insert(statusHistory).values({
        organizationId: ctx.org.id, ticketId: id, fromStatus: null, toStatus: 'new',
        actorId: ctx.user.id, actorRole: ctx.role, createdAt,
      }),
      recordAudit(tx, ctx, {
        entityType: 'ticket', entityId: id, action: 'ticket.created',
        changes: {
          number: [null, counter.number], title: [null, input.title], priority: [null, input.priority],
          categoryId: [null, input.categoryId ?? null], requesterId: [null, requester.id], sensitive: [null, sensitive],
        },
      }),
    ])
    await claimAttachments(tx, ctx, ticket, input.attachmentIds, { commentId: null, internal: false })
    await notifyTicket(tx, ctx, ticket, { event: 'ticket.created' })
    // Routing (§6) in the same transaction: the ticket never exists outside a queue it belongs in.
    await routeNewTicket(tx, ctx, ticket, { teamId: explicitTeamId, routing, requesterEmail: requester.email })
    return ticket
  })
}
