import 'server-only'
import { and, eq } from 'drizzle-orm'
import { z } from 'zod'
import { categories, tickets } from '@/db/schema'
import { withTx } from '@/lib/db/tx'
import type { Ctx } from '@/lib/auth/ctx-type'
import { authorize, can } from '@/lib/authz/can'
import { diff, recordAudit } from '@/lib/audit/record'
import { ForbiddenError, ValidationError } from '@/lib/errors'
import { loadVisibleTicket } from './internal/load'
import { UpdateTicketInput } from './schemas'
import { recomputeSla } from '@/lib/sla/internal/recompute'
import { confineSensitive } from '@/lib/routing/internal/confine-sensitive'

/** Staff edit title, description, priority, category and the sensitive flag. */
export async function updateTicket(ctx: Ctx, raw: z.input<typeof UpdateTicketInput>) {
  authorize(ctx, 'ticket:edit')
  const input = UpdateTicketInput.parse(raw)
  return withTx(ctx, async (tx) => {
    const ticket = await loadVisibleTicket(tx, ctx, input.number, { lock: true })
    let sensitive = input.sensitive ?? ticket.sensitive
    if (input.categoryId && input.categoryId !== ticket.categoryId) {
      const [cat] = await tx.select().from(categories)
        .where(and(eq(categories.organizationId, ctx.org.id), eq(categories.id, input.categoryId)))
      if (!cat) throw new ValidationError('Unknown category', { categoryId: ['Choose one of the listed categories'] })
      // Moving into a sensitive category restricts the ticket; leaving one never un-restricts it.
      if (cat.sensitive) sensitive = true
    }
    if (ticket.sensitive && !sensitive && !can(ctx, 'ticket:unflag_sensitive')) {
      throw new ForbiddenError('Only an admin can remove the sensitive flag')
    }
    const next = {
      title: input.title, description: input.description, priority: input.priority,
      categoryId: input.categoryId ?? null, sensitive,
    }
    const changes = diff(ticket, next)
    if (Object.keys(changes).length === 0) return ticket
    const [updated] = await tx.update(tickets).set({ ...next, updatedAt: new Date() })
      .where(and(eq(tickets.organizationId, ctx.org.id), eq(tickets.id, ticket.id))).returning()
    await recordAudit(tx, ctx, { entityType: 'ticket', entityId: ticket.id, action: 'ticket.updated', changes })
    // New priority or category, new targets: the deadlines follow from the same start (§5).
    if (changes.priority || changes.categoryId) await recomputeSla(tx, ctx, updated)
    if (!ticket.sensitive && updated.sensitive) await confineSensitive(tx, ctx, updated)
    return updated
  })
}
