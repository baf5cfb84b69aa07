import 'server-only'
import { and, desc, eq, isNull } from 'drizzle-orm'
import { z } from 'zod'
import { csatSurveys, memberships, organizations, tickets } from '@/db/schema'
import type { DbOrTx } from '@/db/client'
import { getDb } from '@/db/client'
import type { Ctx } from '@/lib/auth/ctx-type'
import { authorize } from '@/lib/authz/can'
import { visibleTickets } from '@/lib/authz/visibility'
import { recordAudit } from '@/lib/audit/record'
import { dbFor, withTx } from '@/lib/db/tx'
import { ConflictError, NotFoundError } from '@/lib/errors'
import { AnswerSurveyInPortalInput, AnswerSurveyInput, type CsatRating } from './schemas'
import { verifySurveyToken } from './token'

const ANSWERED = 'You already answered this survey. Thank you!'

/** Records the answer once: the row is claimed by `answered_at is null`, so a second click (or a race) changes nothing. */
async function record(tx: DbOrTx, surveyId: string, orgId: string, rating: CsatRating, comment: string, ip: string | null) {
  const [done] = await tx.update(csatSurveys).set({ rating, comment: comment || null, answeredAt: new Date() })
    .where(and(eq(csatSurveys.organizationId, orgId), eq(csatSurveys.id, surveyId), isNull(csatSurveys.answeredAt)))
    .returning({ ticketId: csatSurveys.ticketId, requesterId: csatSurveys.requesterId })
  if (!done) throw new ConflictError(ANSWERED)
  const [m] = await tx.select({ role: memberships.role }).from(memberships)
    .where(and(eq(memberships.organizationId, orgId), eq(memberships.userId, done.requesterId)))
  // The requester answers (the link stands for them), so the audit names them.
  await recordAudit(tx, { user: { id: done.requesterId }, org: { id: orgId }, role: m?.role ?? 'requester', ip }, {
    entityType: 'ticket', entityId: done.ticketId, action: 'csat.answered', changes: { rating: [null, rating], comment: [null, comment ? 'given' : null] },
  })
}

/** What the public survey page shows for a link: the org and request number only (never a title: the link travels by email). */
export async function surveyByToken(token: string) {
  const id = verifySurveyToken(token)
  if (!id) throw new NotFoundError('This survey link is not valid')
  const db = await getDb()
  const [row] = await db.select({ orgName: organizations.name, number: tickets.number, rating: csatSurveys.rating, answeredAt: csatSurveys.answeredAt })
    .from(csatSurveys)
    .innerJoin(organizations, eq(organizations.id, csatSurveys.organizationId))
    .innerJoin(tickets, and(eq(tickets.organizationId, csatSurveys.organizationId), eq(tickets.id, csatSurveys.ticketId)))
    .where(eq(csatSurveys.id, id)).limit(1)
  if (!row) throw new NotFoundError('This survey link is not valid')
  return row
}

/**
 * The answer from the email's signed link, without signing in: the signature proves the
 * link was ours, the survey row that it is used once.
 */
export async function answerSurvey(raw: z.input<typeof AnswerSurveyInput>, opts: { ip?: string | null } = {}) {
  const input = AnswerSurveyInput.parse(raw)
  const id = verifySurveyToken(input.token)
  if (!id) throw new NotFoundError('This survey link is not valid')
  const db = await getDb()
  await db.transaction(async (tx) => {
    const [s] = await tx.select({ orgId: csatSurveys.organizationId }).from(csatSurveys).where(eq(csatSurveys.id, id)).limit(1)
    if (!s) throw new NotFoundError('This survey link is not valid')
    await record(tx, id, s.orgId, input.rating, input.comment, opts.ip ?? null)
  })
}

/** The requester's open survey for their ticket in the portal, if any. */
export async function pendingSurvey(ctx: Ctx, number: number): Promise<{ id: string } | null> {
  authorize(ctx, 'ticket:read')
  const db = await dbFor(ctx)
  const [row] = await db.select({ id: csatSurveys.id }).from(csatSurveys)
    .innerJoin(tickets, and(eq(tickets.organizationId, csatSurveys.organizationId), eq(tickets.id, csatSurveys.ticketId)))
    .where(and(visibleTickets(ctx), eq(tickets.number, number), eq(csatSurveys.requesterId, ctx.user.id), isNull(csatSurveys.answeredAt)))
    .orderBy(desc(csatSurveys.sentAt)).limit(1)
  return row ?? null
}

/** The same answer from the portal: only the ticket's requester, only their latest open survey. */
export async function answerSurveyInPortal(ctx: Ctx, raw: z.input<typeof AnswerSurveyInPortalInput>) {
  authorize(ctx, 'ticket:read')
  const input = AnswerSurveyInPortalInput.parse(raw)
  return withTx(ctx, async (tx) => {
    const [t] = await tx.select({ id: tickets.id, requesterId: tickets.requesterId }).from(tickets)
      .where(and(visibleTickets(ctx), eq(tickets.number, input.number))).limit(1)
    if (!t || t.requesterId !== ctx.user.id) throw new NotFoundError(`Ticket #${input.number} was not found`)
    const [s] = await tx.select({ id: csatSurveys.id }).from(csatSurveys)
      .where(and(eq(csatSurveys.organizationId, ctx.org.id), eq(csatSurveys.ticketId, t.id), eq(csatSurveys.requesterId, ctx.user.id), isNull(csatSurveys.answeredAt)))
      .orderBy(desc(csatSurveys.sentAt)).limit(1)
    if (!s) throw new ConflictError(ANSWERED)
    await record(tx, s.id, ctx.org.id, input.rating, input.comment, ctx.ip)
  })
}
