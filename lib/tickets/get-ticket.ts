import 'server-only'
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { assignmentHistory, auditEvents, auditHeads, categories, comments, slaEvents, statusHistory, teams, tickets, users } from '@/db/schema'
import { dbFor, withTx } from '@/lib/db/tx'
import type { DbOrTx } from '@/db/client'
import type { Ctx } from '@/lib/auth/ctx-type'
import { isStaffRole } from '@/lib/authz/permissions'
import { authorize } from '@/lib/authz/can'
import { visibleComments, visibleTickets } from '@/lib/authz/visibility'
import { recordAudit } from '@/lib/audit/record'
import { NotFoundError } from '@/lib/errors'
import { capacities } from './internal/load'
import { allowedTargets } from './workflow'
import { assignmentMessage, editMessage, englishText, escalatedMessage, listChangeMessage, replyMessage, slaEventMessage, statusMessage, type TimelineMessage } from './timeline-text'

const requester = alias(users, 'requester')
const assignee = alias(users, 'assignee')

export type TimelineEntry = {
  id: string
  at: Date
  actor: string | null
  kind: 'status' | 'assignment' | 'edit' | 'sla' | 'comment'
  /** The line in English (the API's wording); the UI renders `message` in the viewer's language. */
  text: string
  message: TimelineMessage
  note?: string | null
  /** SLA events: the deadline concerned, shown in the viewer's time zone. */
  due?: Date | null
}

/** One line per SLA moment the breach sweep recorded (§5): at risk, breached, per target. */
export function slaEventText(e: { target: 'response' | 'resolution'; kind: 'at_risk' | 'breached' }): string {
  return englishText(slaEventMessage(e))
}

/** A timeline entry's English text and its message, from one message. */
const line = (message: TimelineMessage) => ({ text: englishText(message), message })

/**
 * Whether the ticket exists *for this person* (the same predicate as the detail), in one
 * indexed lookup. Detail pages check it in their layout, before anything streams, so a
 * missing or hidden ticket answers a real HTTP 404 instead of a 200 whose streamed body
 * says "not found" (a loading boundary flushes the status before the page decides).
 */
export async function assertTicketVisible(ctx: Ctx, number: number): Promise<void> {
  const db = await dbFor(ctx)
  const [row] = await db.select({ id: tickets.id }).from(tickets)
    .where(and(visibleTickets(ctx, { includeDeleted: true }), eq(tickets.number, number))).limit(1)
  if (!row) throw new NotFoundError(`Ticket #${number} was not found`)
}

/**
 * Everything the detail page shows, in a fixed number of queries. A requester gets
 * public replies only and a timeline of status changes; staff get notes, assignment
 * history, edits and SLA events (at risk, breached, escalated) too.
 */
/**
 * One visible ticket with the names it shows (category, requester, assignee, team), without
 * counting a view: the API and presenters read it; `getTicketDetail` adds the rest.
 */
export async function getTicketView(ctx: Ctx, number: number) {
  authorize(ctx, 'ticket:read')
  const db = await dbFor(ctx)
  const [ticket] = await db.select({
    t: tickets, category: categories.name, categorySensitive: categories.sensitive,
    requester: { id: requester.id, name: requester.name, email: requester.email },
    assignee: { id: assignee.id, name: assignee.name },
    team: { id: teams.id, name: teams.name, restricted: teams.restricted, field: teams.field },
  }).from(tickets)
    .leftJoin(categories, and(eq(categories.organizationId, tickets.organizationId), eq(categories.id, tickets.categoryId)))
    .innerJoin(requester, eq(requester.id, tickets.requesterId))
    .leftJoin(assignee, eq(assignee.id, tickets.assigneeId))
    .leftJoin(teams, and(eq(teams.organizationId, tickets.organizationId), eq(teams.id, tickets.teamId)))
    .where(and(visibleTickets(ctx, { includeDeleted: true }), eq(tickets.number, number))).limit(1)
  if (!ticket) throw new NotFoundError(`Ticket #${number} was not found`)
  return {
    ...ticket.t, category: ticket.category, requester: ticket.requester,
    assignee: ticket.assignee?.id ? ticket.assignee : null, team: ticket.team?.id ? ticket.team : null,
  }
}
export type TicketView = Awaited<ReturnType<typeof getTicketView>>

/**
 * One visit, one "Viewed" (issue 18: a visit wrote three). The page renders again within the
 * same visit without the person opening anything: an action's revalidatePath render, the
 * router.refresh() that follows it (components/forms/use-server-action.ts), a live refresh
 * when someone else changes the ticket. None of those is a new look, so a view within
 * VISIT_MS of this person's last recorded view of this ticket is not recorded again. The
 * org's audit head is locked first (recordAudit takes the same lock), so concurrent
 * renders see each other's event instead of both writing one.
 */
export const VISIT_MS = 10 * 60_000

async function viewedRecently(tx: DbOrTx, ctx: Ctx, ticketId: string): Promise<boolean> {
  await tx.select({ seq: auditHeads.lastSeq }).from(auditHeads).where(eq(auditHeads.organizationId, ctx.org.id)).for('update')
  const [last] = await tx.select({ seq: auditEvents.seq }).from(auditEvents).where(and(
    eq(auditEvents.organizationId, ctx.org.id), eq(auditEvents.entityType, 'ticket'), eq(auditEvents.entityId, ticketId),
    eq(auditEvents.action, 'ticket.viewed'), eq(auditEvents.actorId, ctx.user.id),
    gt(auditEvents.createdAt, new Date(Date.now() - VISIT_MS)),
  )).limit(1)
  return !!last
}

export async function getTicketDetail(ctx: Ctx, number: number) {
  const db = await dbFor(ctx)
  const staff = isStaffRole(ctx.role)
  const ticket = await getTicketView(ctx, number)
  const t = ticket

  const view = async () => {
    const bump = (tx: Pick<typeof db, 'update'>) => tx.update(tickets).set({ viewCount: sql`${tickets.viewCount} + 1` })
      .where(and(eq(tickets.organizationId, ctx.org.id), eq(tickets.id, t.id)))
    // Every staff view of a sensitive ticket is on the record (§6), with its count, in one transaction.
    if (t.sensitive && staff) {
      await withTx(ctx, async (tx) => {
        await bump(tx)
        if (await viewedRecently(tx, ctx, t.id)) return
        await recordAudit(tx, ctx, { entityType: 'ticket', entityId: t.id, action: 'ticket.viewed' })
      })
    } else {
      await bump(db)
    }
  }

  // Independent reads (and the view count) go out together: one round trip of latency, not five.
  const [, conversation, timeline] = await Promise.all([
    view(),
    db.select({
      id: comments.id, body: comments.body, internal: comments.internal, isSolution: comments.isSolution,
      createdAt: comments.createdAt, authorId: comments.authorId, author: users.name,
    }).from(comments).innerJoin(users, eq(users.id, comments.authorId))
      .where(and(visibleComments(ctx), eq(comments.ticketId, t.id))).orderBy(asc(comments.createdAt), asc(comments.id)),
    loadTimeline(ctx, t.id, staff),
  ])
  return {
    ticket,
    conversation,
    timeline: withReplies(timeline, conversation),
    allowedStatuses: t.deletedAt ? [] : allowedTargets(t.status, capacities(ctx, t)),
  }
}

/**
 * Replies belong to the story too (issue 18): one line per message the viewer may see. The
 * conversation was read through `visibleComments`, so a requester gets public replies only.
 */
function withReplies(timeline: TimelineEntry[], conversation: { id: string; internal: boolean; createdAt: Date; author: string }[]): TimelineEntry[] {
  const replies: TimelineEntry[] = conversation.map((c) => ({
    id: `comment-${c.id}`, at: c.createdAt, actor: c.author, kind: 'comment', ...line(replyMessage(c.internal)),
  }))
  // Stable sort: a reply written in the same transaction as the status it caused comes first.
  return [...replies, ...timeline].sort((a, b) => a.at.getTime() - b.at.getTime())
}

const listChangeActions = ['ticket.tags_changed', 'ticket.cc_added', 'ticket.cc_removed']

type AssignmentRow = {
  h: typeof assignmentHistory.$inferSelect
  from: string | null; to: string | null; fromTeam: string | null; toTeam: string | null
}

/** One line per assignment history row (§6): routing, accept / reject, team and agent changes. */
export function assignmentText({ h, from, to, fromTeam, toTeam }: AssignmentRow): string {
  return englishText(assignmentMessage({ ...h, from, to, fromTeam, toTeam }))
}

async function loadTimeline(ctx: Ctx, ticketId: string, staff: boolean): Promise<TimelineEntry[]> {
  const db = await dbFor(ctx)
  const actor = alias(users, 'actor')
  const from = alias(users, 'from_user')
  const to = alias(users, 'to_user')
  const fromTeam = alias(teams, 'from_team')
  const toTeam = alias(teams, 'to_team')
  const [statuses, assigns, edits, slas, cats] = await Promise.all([
    db.select({ h: statusHistory, actor: actor.name }).from(statusHistory)
      .leftJoin(actor, eq(actor.id, statusHistory.actorId))
      .where(and(eq(statusHistory.organizationId, ctx.org.id), eq(statusHistory.ticketId, ticketId))),
    staff ? db.select({
      h: assignmentHistory, actor: actor.name, from: from.name, to: to.name, fromTeam: fromTeam.name, toTeam: toTeam.name,
    }).from(assignmentHistory)
      .leftJoin(actor, eq(actor.id, assignmentHistory.actorId))
      .leftJoin(from, eq(from.id, assignmentHistory.fromAssigneeId))
      .leftJoin(to, eq(to.id, assignmentHistory.toAssigneeId))
      .leftJoin(fromTeam, and(eq(fromTeam.organizationId, assignmentHistory.organizationId), eq(fromTeam.id, assignmentHistory.fromTeamId)))
      .leftJoin(toTeam, and(eq(toTeam.organizationId, assignmentHistory.organizationId), eq(toTeam.id, assignmentHistory.toTeamId)))
      .where(and(eq(assignmentHistory.organizationId, ctx.org.id), eq(assignmentHistory.ticketId, ticketId))) : [],
    staff ? db.select({ e: auditEvents, actor: actor.name }).from(auditEvents)
      .leftJoin(actor, eq(actor.id, auditEvents.actorId))
      .where(and(eq(auditEvents.organizationId, ctx.org.id), eq(auditEvents.entityType, 'ticket'), eq(auditEvents.entityId, ticketId),
        inArray(auditEvents.action, ['ticket.updated', 'ticket.deleted', 'ticket.restored', 'ticket.escalated', ...listChangeActions]))) : [],
    // Deadlines are staff business (§5): requesters see none of this.
    staff ? db.select().from(slaEvents)
      .where(and(eq(slaEvents.organizationId, ctx.org.id), eq(slaEvents.ticketId, ticketId))) : [],
    // Names for "changed category General → Billing"; a short per-org list.
    staff ? db.select({ id: categories.id, name: categories.name }).from(categories).where(eq(categories.organizationId, ctx.org.id)) : [],
  ])
  const categoryName = (id: unknown) => cats.find((c) => c.id === id)?.name ?? null
  const entries: TimelineEntry[] = statuses.map(({ h, actor }) => ({
    id: h.id, at: h.createdAt, actor, kind: 'status',
    ...line(statusMessage(h.fromStatus, h.toStatus)),
    // Requesters see the reasons that concern them, and their own words (a reopen note);
    // working notes stay with staff.
    note: staff || h.toStatus === 'resolved' || h.toStatus === 'cancelled' || h.actorId === ctx.user.id ? h.note : null,
  }))
  for (const a of assigns) {
    entries.push({ id: a.h.id, at: a.h.createdAt, actor: a.actor, kind: 'assignment', ...line(assignmentMessage({ ...a.h, from: a.from, to: a.to, fromTeam: a.fromTeam, toTeam: a.toTeam })), note: a.h.reason })
  }
  for (const e of slas) {
    entries.push({ id: `sla-${e.target}-${e.kind}`, at: e.createdAt, actor: null, kind: 'sla', ...line(slaEventMessage(e)), due: e.dueAt })
  }
  for (const { e, actor } of edits) {
    if (e.action === 'ticket.escalated') {
      entries.push({ id: `audit-${e.seq}`, at: e.createdAt, actor, kind: 'sla', ...line(escalatedMessage()) })
      continue
    }
    const listChange = listChangeMessage(e.action, e.changes)
    if (listChange) {
      entries.push({ id: `audit-${e.seq}`, at: e.createdAt, actor, kind: 'edit', ...line(listChange) })
      continue
    }
    entries.push({
      id: `audit-${e.seq}`, at: e.createdAt, actor, kind: 'edit',
      // deleted / restored: the action's own word (tickets.timeline.deleted / .restored).
      ...(e.action === 'ticket.updated' ? line(editMessage(e.changes, categoryName))
        : { text: e.action.replace('ticket.', ''), message: { key: `tickets.timeline.${e.action.replace('ticket.', '')}` } }),
    })
  }
  // Rows written in one transaction share a timestamp: tell the story in cause order
  // (created, then who got it, then the status that followed, then edits, then SLA
  // moments: at risk, breach, the escalation it caused).
  const slaRank = (e: TimelineEntry) => (e.id.endsWith('-at_risk') ? 4 : e.id.endsWith('-breached') ? 5 : 6)
  const rank = (e: TimelineEntry) => (e.text === 'created the ticket' ? 0 : e.kind === 'assignment' ? 1 : e.kind === 'status' ? 2 : e.kind === 'sla' ? slaRank(e) : 3)
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime() || rank(a) - rank(b))
}
