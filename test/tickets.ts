import { and, count, desc, eq } from 'drizzle-orm'
import { expect } from 'vitest'
import { auditEvents, statusHistory, tickets, type AssignmentStrategy, type TicketStatus } from '@/db/schema'
import type { Ctx } from '@/lib/auth/ctx-type'
import { assignTicket } from '@/lib/tickets/assign-ticket'
import { changeStatus } from '@/lib/tickets/change-status'
import { createTicket } from '@/lib/tickets/create-ticket'
import { addTeamMember } from '@/lib/teams/team-members'
import { createTeam } from '@/lib/teams/manage-teams'
import { category, uid, type TestOrg } from './factory'

/**
 * A fresh ticket driven to `status` through the domain functions only, along the
 * §4 workflow. Every status past `new` (except `cancelled`) has an assignee:
 * `opts.assignee`, by default `o.agent`.
 */
export async function ticketIn(o: TestOrg, status: TicketStatus, opts: { by?: Ctx; sensitive?: boolean; assignee?: Ctx } = {}) {
  const t = await createTicket(opts.by ?? o.requester, {
    title: `Ticket ${uid()}`, description: 'Something is broken', categoryId: category(o, opts.sensitive ? 'Sensitive' : 'General'),
  })
  const number = t.number
  const assignee = opts.assignee ?? o.agent
  const move = (to: TicketStatus, note?: string) => changeStatus(assignee, { number, to, note })
  if (status === 'cancelled') await changeStatus(o.admin, { number, to: 'cancelled', note: 'Duplicate' })
  if (status === 'new' || status === 'cancelled') return t
  await assignTicket(o.admin, { number, assigneeId: assignee.user.id }) // first assignment opens it
  if (status === 'open') return t
  await move('in_progress')
  if (status === 'in_progress') return t
  if (status === 'pending' || status === 'on_hold') {
    await move(status)
    return t
  }
  await move('resolved', 'Fixed it')
  if (status === 'closed') await changeStatus(o.admin, { number, to: 'closed' })
  return t
}

/** The ticket row as stored, bypassing every visibility rule (tests only). */
export async function rowOf(o: TestOrg, number: number) {
  const [row] = await o.db.select().from(tickets).where(and(eq(tickets.organizationId, o.org.id), eq(tickets.number, number)))
  return row
}

export async function historyOf(o: TestOrg, ticketId: string) {
  return o.db.select().from(statusHistory)
    .where(and(eq(statusHistory.organizationId, o.org.id), eq(statusHistory.ticketId, ticketId)))
    .orderBy(desc(statusHistory.createdAt))
}

/** How many audit events of `action` the org has (optionally for one entity). */
export async function auditCount(o: TestOrg, action: string, entityId?: string) {
  const [row] = await o.db.select({ n: count() }).from(auditEvents).where(and(
    eq(auditEvents.organizationId, o.org.id), eq(auditEvents.action, action),
    entityId ? eq(auditEvents.entityId, entityId) : undefined,
  ))
  return row.n
}

/** A team made through the teams domain (as an admin would), with its members. */
export async function makeTeam(o: TestOrg, opts: { restricted?: boolean; field?: boolean; members?: Ctx[]; strategy?: AssignmentStrategy; name?: string } = {}) {
  const team = await createTeam(o.admin, {
    name: opts.name ?? `${opts.restricted ? 'Cleared' : 'Team'} ${uid()}`, restricted: !!opts.restricted, field: !!opts.field, assignmentStrategy: opts.strategy ?? 'round_robin',
  })
  for (const m of opts.members ?? []) await addTeamMember(o.admin, { teamId: team.id, userId: m.user.id })
  return team
}

/** Puts members into a restricted (cleared) team and returns their re-loaded contexts. */
export async function clear(o: TestOrg, ...members: Ctx[]): Promise<Ctx[]> {
  await makeTeam(o, { restricted: true, members })
  return Promise.all(members.map((m) => o.reload(m)))
}

/** Field errors of a rejected call, whether zod refused the input or the domain did. */
export async function fieldErrorsOf(p: Promise<unknown>): Promise<Record<string, string[] | undefined>> {
  const err = await p.then(() => null, (e: unknown) => e)
  expect(err, 'expected the call to be refused').toBeTruthy()
  const e = err as { flatten?: () => { fieldErrors: Record<string, string[]> }; fieldErrors?: Record<string, string[]> }
  if (typeof e.flatten === 'function') return e.flatten().fieldErrors
  return e.fieldErrors ?? {}
}
