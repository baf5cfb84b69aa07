import 'server-only'
import { and, asc, eq, ilike, isNull, or, sql } from 'drizzle-orm'
import { z } from 'zod'
import { cannedReplies } from '@/db/schema'
import type { Ctx } from '@/lib/auth/ctx-type'
import { authorize } from '@/lib/authz/can'
import { dbFor } from '@/lib/db/tx'
import { getTicketView } from '@/lib/tickets/get-ticket'
import { statusLabels } from '@/lib/tickets/workflow'
import { fillPlaceholders } from '@/lib/templates/placeholders'
import { loadCannedReply } from './manage'
import { CannedReplySearch, FillCannedReplyInput } from './schemas'

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`)

/**
 * The shared replies and the actor's own, matching `q` in the title or body, shared first
 * then by title. Staff only: requesters never see them.
 */
export async function listCannedReplies(ctx: Ctx, raw: z.input<typeof CannedReplySearch> = {}) {
  authorize(ctx, 'ticket:work')
  const { q } = CannedReplySearch.parse(raw)
  const db = await dbFor(ctx)
  const like = `%${escapeLike(q)}%`
  const rows = await db.select().from(cannedReplies).where(and(
    eq(cannedReplies.organizationId, ctx.org.id),
    or(isNull(cannedReplies.ownerId), eq(cannedReplies.ownerId, ctx.user.id)),
    q ? or(ilike(cannedReplies.title, like), ilike(cannedReplies.body, like)) : undefined,
  )).orderBy(sql`${cannedReplies.ownerId} is not null`, asc(cannedReplies.title)).limit(200)
  return rows.map((r) => ({ id: r.id, title: r.title, body: r.body, shared: r.ownerId === null, updatedAt: r.updatedAt }))
}
export type CannedReplyView = Awaited<ReturnType<typeof listCannedReplies>>[number]

/**
 * A canned reply filled for one ticket, ready for the composer. The ticket is read through
 * the visibility rule: a ticket the agent may not see is "not found", and its facts never
 * reach the text. Only public facts are placeholders (no notes, no internal fields).
 */
export async function fillCannedReply(ctx: Ctx, raw: z.input<typeof FillCannedReplyInput>): Promise<{ text: string }> {
  authorize(ctx, 'ticket:work')
  const input = FillCannedReplyInput.parse(raw)
  const db = await dbFor(ctx)
  const [reply, ticket] = await Promise.all([loadCannedReply(db, ctx, input.id), getTicketView(ctx, input.number)])
  return {
    text: fillPlaceholders(reply.body, {
      'requester.name': ticket.requester.name, 'requester.email': ticket.requester.email, 'ticket.number': ticket.number,
      'ticket.title': ticket.title, 'ticket.status': statusLabels[ticket.status], 'agent.name': ctx.user.name, 'agent.email': ctx.user.email,
      'org.name': ctx.org.name,
    }),
  }
}
