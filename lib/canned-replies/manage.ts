import 'server-only'
import { and, eq, isNull, or } from 'drizzle-orm'
import { z } from 'zod'
import { cannedReplies } from '@/db/schema'
import type { DbOrTx } from '@/db/client'
import type { Ctx } from '@/lib/auth/ctx-type'
import { authorize, can } from '@/lib/authz/can'
import { diff, recordAudit } from '@/lib/audit/record'
import { withTx } from '@/lib/db/tx'
import { ForbiddenError, NotFoundError } from '@/lib/errors'
import { CannedReplyRefInput, CreateCannedReplyInput, UpdateCannedReplyInput } from './schemas'

export type CannedReplyRow = typeof cannedReplies.$inferSelect

/**
 * A canned reply the actor may see: a shared one of the org, or their own. Another agent's
 * personal reply is "not found", like another org's.
 */
export async function loadCannedReply(tx: DbOrTx, ctx: Ctx, id: string): Promise<CannedReplyRow> {
  const [row] = await tx.select().from(cannedReplies).where(and(eq(cannedReplies.organizationId, ctx.org.id), eq(cannedReplies.id, id),
    or(isNull(cannedReplies.ownerId), eq(cannedReplies.ownerId, ctx.user.id)))).limit(1)
  if (!row) throw new NotFoundError('That canned reply was not found')
  return row
}

/** Shared replies are settings (admins); personal ones belong to the agent who wrote them. */
function authorizeChange(ctx: Ctx, row: { ownerId: string | null }) {
  authorize(ctx, 'ticket:work')
  if (row.ownerId === null && !can(ctx, 'settings:manage')) throw new ForbiddenError('Only admins change shared canned replies')
}

export async function createCannedReply(ctx: Ctx, raw: z.input<typeof CreateCannedReplyInput>) {
  authorize(ctx, 'ticket:work')
  const input = CreateCannedReplyInput.parse(raw)
  const ownerId = input.shared ? null : ctx.user.id
  authorizeChange(ctx, { ownerId })
  return withTx(ctx, async (tx) => {
    const [row] = await tx.insert(cannedReplies).values({ organizationId: ctx.org.id, ownerId, title: input.title, body: input.body, createdById: ctx.user.id }).returning()
    await recordAudit(tx, ctx, { entityType: 'canned_reply', entityId: row.id, action: 'canned_reply.created', changes: { title: [null, row.title], shared: [null, input.shared] } })
    return row
  })
}

export async function updateCannedReply(ctx: Ctx, raw: z.input<typeof UpdateCannedReplyInput>) {
  authorize(ctx, 'ticket:work')
  const input = UpdateCannedReplyInput.parse(raw)
  return withTx(ctx, async (tx) => {
    const row = await loadCannedReply(tx, ctx, input.id)
    authorizeChange(ctx, row)
    const changes = diff(row, { title: input.title, body: input.body })
    if (Object.keys(changes).length === 0) return row
    const [updated] = await tx.update(cannedReplies).set({ title: input.title, body: input.body, updatedAt: new Date() })
      .where(and(eq(cannedReplies.organizationId, ctx.org.id), eq(cannedReplies.id, row.id))).returning()
    await recordAudit(tx, ctx, { entityType: 'canned_reply', entityId: row.id, action: 'canned_reply.updated', changes })
    return updated
  })
}

export async function deleteCannedReply(ctx: Ctx, raw: z.input<typeof CannedReplyRefInput>) {
  authorize(ctx, 'ticket:work')
  const input = CannedReplyRefInput.parse(raw)
  return withTx(ctx, async (tx) => {
    const row = await loadCannedReply(tx, ctx, input.id)
    authorizeChange(ctx, row)
    await tx.delete(cannedReplies).where(and(eq(cannedReplies.organizationId, ctx.org.id), eq(cannedReplies.id, row.id)))
    await recordAudit(tx, ctx, { entityType: 'canned_reply', entityId: row.id, action: 'canned_reply.deleted', changes: { title: [row.title, null], shared: [row.ownerId === null, null] } })
  })
}
