import 'server-only'
import { and, eq } from 'drizzle-orm'
import { z } from 'zod'
import { comments } from '@/db/schema'
import { withTx } from '@/lib/db/tx'
import type { Ctx } from '@/lib/auth/ctx-type'
import { authorize } from '@/lib/authz/can'
import { recordAudit } from '@/lib/audit/record'
import { NotFoundError, ValidationError } from '@/lib/errors'
import { loadVisibleTicket } from '@/lib/tickets/internal/load'
import { MarkSolutionInput } from '@/lib/tickets/schemas'

/** Marks one public reply as the solution; any earlier choice is cleared (§7). */
export async function markSolution(ctx: Ctx, raw: z.input<typeof MarkSolutionInput>) {
  authorize(ctx, 'comment:mark_solution')
  const input = MarkSolutionInput.parse(raw)
  return withTx(ctx, async (tx) => {
    const ticket = await loadVisibleTicket(tx, ctx, input.number, { lock: true })
    const [comment] = await tx.select().from(comments).where(and(
      eq(comments.organizationId, ctx.org.id), eq(comments.ticketId, ticket.id), eq(comments.id, input.commentId), eq(comments.internal, false),
    ))
    if (!comment) throw new NotFoundError('That reply was not found on this ticket')
    // The solution is the agent's answer (§7): a requester's own message describes the problem.
    if (comment.authorId === ticket.requesterId) {
      throw new ValidationError('The requester’s own reply can’t be marked as the solution', { commentId: ['Choose a reply from the support team'] })
    }
    await tx.update(comments).set({ isSolution: false })
      .where(and(eq(comments.organizationId, ctx.org.id), eq(comments.ticketId, ticket.id), eq(comments.isSolution, true)))
    await tx.update(comments).set({ isSolution: true })
      .where(and(eq(comments.organizationId, ctx.org.id), eq(comments.id, comment.id)))
    await recordAudit(tx, ctx, { entityType: 'comment', entityId: comment.id, action: 'comment.marked_solution', changes: { isSolution: [false, true] } })
  })
}
