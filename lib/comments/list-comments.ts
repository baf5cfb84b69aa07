import 'server-only'
import { and, asc, eq } from 'drizzle-orm'
import { comments, users } from '@/db/schema'
import { dbFor } from '@/lib/db/tx'
import type { Ctx } from '@/lib/auth/ctx-type'
import { authorize } from '@/lib/authz/can'
import { visibleComments } from '@/lib/authz/visibility'
import { getTicketView } from '@/lib/tickets/get-ticket'

/** A visible ticket's conversation, oldest first; a requester never gets internal notes (§7). */
export async function listComments(ctx: Ctx, number: number) {
  authorize(ctx, 'ticket:read')
  const ticket = await getTicketView(ctx, number)
  const db = await dbFor(ctx)
  return db.select({
    id: comments.id, body: comments.body, internal: comments.internal, isSolution: comments.isSolution,
    createdAt: comments.createdAt, authorId: comments.authorId, author: users.name,
  }).from(comments).innerJoin(users, eq(users.id, comments.authorId))
    .where(and(visibleComments(ctx), eq(comments.ticketId, ticket.id))).orderBy(asc(comments.createdAt), asc(comments.id))
}
