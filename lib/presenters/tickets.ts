import 'server-only'
import { createHash } from 'node:crypto'
import type { Ctx } from '@/lib/auth/ctx-type'
import { isStaffRole } from '@/lib/authz/permissions'
import type { TicketView } from '@/lib/tickets/get-ticket'
import type { TicketRow } from '@/lib/tickets/internal/load'
import type { listTickets } from '@/lib/tickets/list-tickets'
import type { listComments } from '@/lib/comments/list-comments'
import { RequesterComment, RequesterTicket, RequesterTicketSummary, StaffComment, StaffTicket, StaffTicketSummary } from './schemas'

type ListRow = Awaited<ReturnType<typeof listTickets>>['rows'][number]
type CommentRow = Awaited<ReturnType<typeof listComments>>[number]

const iso = (d: Date | string | null | undefined) => (d == null ? null : new Date(d).toISOString())

/** The requester's promise: a first-response time only while it is still ahead and unanswered. */
function respondBy(t: TicketView, now: Date): string | null {
  const open = t.status === 'new' || t.status === 'open' || t.status === 'in_progress'
  return !t.firstResponseAt && t.responseDueAt && new Date(t.responseDueAt) > now && open ? iso(t.responseDueAt) : null
}

/** A ticket as a requester sees it (the portal page and the API both render this). */
export function presentRequesterTicket(t: TicketView, now = new Date()): RequesterTicket {
  return RequesterTicket.parse({ ...baseFields(t), category: t.category ? { name: t.category } : null, assignee: t.assignee ? { name: t.assignee.name } : null, respondBy: respondBy(t, now) })
}

const baseFields = (t: TicketView) => ({
  number: t.number, title: t.title, description: t.description, status: t.status, priority: t.priority, assetRef: t.assetRef,
  createdAt: iso(t.createdAt), updatedAt: iso(t.updatedAt), resolvedAt: iso(t.resolvedAt), closedAt: iso(t.closedAt),
})

/** A ticket as the caller's audience may see it: staff get the working fields, a requester the public ones. */
export function presentTicket(ctx: Ctx, t: TicketView): StaffTicket | RequesterTicket {
  if (!isStaffRole(ctx.role)) return presentRequesterTicket(t)
  const full = {
    number: t.number, title: t.title, description: t.description, status: t.status, priority: t.priority,
    category: t.categoryId && t.category ? { id: t.categoryId, name: t.category } : null,
    requester: t.requester, assignee: t.assignee, team: t.team ? { id: t.team.id, name: t.team.name } : null,
    accepted: !!t.acceptedAt, sensitive: t.sensitive, tags: t.tags, assetRef: t.assetRef,
    createdAt: iso(t.createdAt), updatedAt: iso(t.updatedAt), firstResponseAt: iso(t.firstResponseAt),
    resolvedAt: iso(t.resolvedAt), closedAt: iso(t.closedAt), deleted: !!t.deletedAt,
    sla: { responseDueAt: iso(t.responseDueAt), resolutionDueAt: iso(t.resolutionDueAt), pausedAt: iso(t.slaPausedAt), escalatedAt: iso(t.escalatedAt) },
  }
  return StaffTicket.parse(full)
}

export function presentTicketSummary(ctx: Ctx, r: ListRow) {
  const full = {
    number: r.number, title: r.title, status: r.status, priority: r.priority, category: r.category, requester: r.requester,
    assignee: r.assigneeId ? { id: r.assigneeId, name: r.assignee ?? '' } : null,
    team: r.teamId ? { id: r.teamId, name: r.team ?? '' } : null,
    accepted: !!r.acceptedAt, sensitive: r.sensitive, tags: r.tags,
    sla: { status: r.slaStatus ?? null, dueAt: iso(r.slaDue), escalatedAt: iso(r.escalatedAt) },
    createdAt: iso(r.createdAt), updatedAt: iso(r.updatedAt), deleted: !!r.deletedAt,
  }
  return isStaffRole(ctx.role) ? StaffTicketSummary.parse(full) : RequesterTicketSummary.parse(full)
}

export function presentComment(ctx: Ctx, c: CommentRow) {
  const full = { id: c.id, body: c.body, internal: c.internal, isSolution: c.isSolution, author: { id: c.authorId, name: c.author }, createdAt: iso(c.createdAt) }
  return isStaffRole(ctx.role) ? StaffComment.parse(full) : RequesterComment.parse(full)
}

/**
 * The version of a ticket an update must name in `If-Match`: every field a change can
 * touch, hashed. Computed from the row, so the API's GET and the update's check agree.
 */
export function ticketEtag(t: Pick<TicketRow, 'id' | 'updatedAt' | 'status' | 'priority' | 'title' | 'description' | 'categoryId' | 'assigneeId' | 'teamId' | 'acceptedAt' | 'sensitive' | 'tags' | 'deletedAt' | 'assetRef'>): string {
  const parts = [t.id, iso(t.updatedAt), t.status, t.priority, t.title, t.description, t.categoryId, t.assigneeId, t.teamId, iso(t.acceptedAt), t.sensitive, t.tags, iso(t.deletedAt), t.assetRef]
  return `"${createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 22)}"`
}
