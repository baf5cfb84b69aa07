import 'server-only'
import { and, count, desc, eq, gte, isNotNull, lte, sql } from 'drizzle-orm'
import { z } from 'zod'
import { csatSurveys, teams, tickets, users } from '@/db/schema'
import type { Ctx } from '@/lib/auth/ctx-type'
import { authorize } from '@/lib/authz/can'
import { visibleTickets } from '@/lib/authz/visibility'
import { dbFor } from '@/lib/db/tx'
import { CsatRangeInput } from './schemas'

/** A ticket's survey answers for staff (the ticket page), newest first; the ticket must be visible to them. */
export async function ticketCsat(ctx: Ctx, number: number) {
  authorize(ctx, 'ticket:work')
  const db = await dbFor(ctx)
  return db.select({ rating: csatSurveys.rating, comment: csatSurveys.comment, answeredAt: csatSurveys.answeredAt, sentAt: csatSurveys.sentAt })
    .from(csatSurveys)
    .innerJoin(tickets, and(eq(tickets.organizationId, csatSurveys.organizationId), eq(tickets.id, csatSurveys.ticketId)))
    .where(and(visibleTickets(ctx, { includeDeleted: true }), eq(tickets.number, number))).orderBy(desc(csatSurveys.sentAt)).limit(20)
}

/**
 * Satisfaction per agent and per team for surveys answered in [from, to], over the tickets
 * the caller may see (an uncleared viewer's numbers leave sensitive tickets out). For the
 * admin dashboard (§12); `score` is good / answered.
 */
export async function csatSummary(ctx: Ctx, raw: z.input<typeof CsatRangeInput>) {
  authorize(ctx, 'audit:view')
  const range = CsatRangeInput.parse(raw)
  const db = await dbFor(ctx)
  const where = and(visibleTickets(ctx, { includeDeleted: true }), isNotNull(csatSurveys.answeredAt),
    gte(csatSurveys.answeredAt, range.from), lte(csatSurveys.answeredAt, range.to))
  const good = sql<number>`count(*) filter (where ${csatSurveys.rating} = 'good')`.mapWith(Number)
  const join = and(eq(tickets.organizationId, csatSurveys.organizationId), eq(tickets.id, csatSurveys.ticketId))
  const [[total], byAgent, byTeam] = await Promise.all([
    db.select({ answered: count(), good }).from(csatSurveys).innerJoin(tickets, join).where(where),
    db.select({ agentId: csatSurveys.agentId, name: users.name, answered: count(), good }).from(csatSurveys).innerJoin(tickets, join)
      .leftJoin(users, eq(users.id, csatSurveys.agentId)).where(where).groupBy(csatSurveys.agentId, users.name),
    db.select({ teamId: csatSurveys.teamId, name: teams.name, answered: count(), good }).from(csatSurveys).innerJoin(tickets, join)
      .leftJoin(teams, and(eq(teams.organizationId, csatSurveys.organizationId), eq(teams.id, csatSurveys.teamId))).where(where)
      .groupBy(csatSurveys.teamId, teams.name),
  ])
  const score = <T extends { answered: number; good: number }>(r: T) => ({ ...r, score: r.answered ? r.good / r.answered : null })
  return { total: score(total), byAgent: byAgent.map(score), byTeam: byTeam.map(score) }
}
