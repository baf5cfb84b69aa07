import { describe, expect, it } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { assignmentHistory, auditEvents, jobs, notifications } from '@/db/schema'
import { updateTeam } from '@/lib/teams/manage-teams'
import type { Ctx } from '@/lib/auth/ctx-type'
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors'
import { makeOrg, type TestOrg } from '@/test/factory'
import { auditCount, fieldErrorsOf, makeTeam, rowOf, ticketIn } from '@/test/tickets'
import { acceptAssignment, rejectAssignment } from './accept-assignment'
import { assignTicket } from './assign-ticket'
import { getTicketDetail } from './get-ticket'
import { assignmentOptions, searchAssignees } from './assignment-options'

const historyOf = (o: TestOrg, ticketId: string) => o.db.select().from(assignmentHistory)
  .where(and(eq(assignmentHistory.organizationId, o.org.id), eq(assignmentHistory.ticketId, ticketId))).orderBy(assignmentHistory.createdAt)
const bell = (o: TestOrg, ctx: Ctx, event?: string) => o.db.select().from(notifications)
  .where(and(eq(notifications.organizationId, o.org.id), eq(notifications.userId, ctx.user.id), event ? eq(notifications.event, event as never) : undefined))

describe('assigning to a team and/or an agent', () => {
  it('a team and one of its members; history and audit record both', async () => {
    const o = await makeOrg()
    const team = await makeTeam(o, { members: [o.agent2] })
    const t = await ticketIn(o, 'new')
    await assignTicket(o.agent, { number: t.number, teamId: team.id, assigneeId: o.agent2.user.id })
    expect(await rowOf(o, t.number)).toMatchObject({ teamId: team.id, assigneeId: o.agent2.user.id, status: 'open', acceptedAt: null })
    expect((await historyOf(o, t.id))[0]).toMatchObject({ kind: 'assigned', fromTeamId: null, toTeamId: team.id, toAssigneeId: o.agent2.user.id, actorId: o.agent.user.id })
    expect(await auditCount(o, 'ticket.assigned', t.id)).toBe(1)
    expect(await bell(o, o.agent2, 'ticket.assigned')).toHaveLength(1)
  })

  it('the agent must be a member of the chosen team; without a team anyone active may take it', async () => {
    const o = await makeOrg()
    const team = await makeTeam(o, { members: [o.agent2] })
    const t = await ticketIn(o, 'new')
    expect(await fieldErrorsOf(assignTicket(o.admin, { number: t.number, teamId: team.id, assigneeId: o.agent.user.id })))
      .toEqual({ assigneeId: [`${o.agent.user.name} is not a member of ${team.name}; pick one of its members or another team`] })
    // Keeping the team (no teamId sent) applies the same rule.
    await assignTicket(o.admin, { number: t.number, teamId: team.id, assigneeId: null })
    await expect(assignTicket(o.admin, { number: t.number, assigneeId: o.agent.user.id })).rejects.toBeInstanceOf(ValidationError)
    await assignTicket(o.admin, { number: t.number, teamId: null, assigneeId: o.agent.user.id })
    expect(await rowOf(o, t.number)).toMatchObject({ teamId: null, assigneeId: o.agent.user.id })
  })

  it('a team-only assignment puts the ticket in the team queue and tells its members', async () => {
    const o = await makeOrg()
    const team = await makeTeam(o, { members: [o.agent, o.agent2] })
    const t = await ticketIn(o, 'new')
    await assignTicket(o.agent, { number: t.number, teamId: team.id, assigneeId: null })
    expect(await rowOf(o, t.number)).toMatchObject({ teamId: team.id, assigneeId: null, status: 'new' })
    expect(await bell(o, o.agent2, 'ticket.queued')).toHaveLength(1)
    expect(await bell(o, o.agent, 'ticket.queued')).toHaveLength(0) // the actor
    expect(await auditCount(o, 'ticket.team_changed', t.id)).toBe(1)
  })

  it('another org\'s team or agent id is refused as unknown, and nothing changes', async () => {
    const a = await makeOrg()
    const b = await makeOrg()
    const teamB = await makeTeam(b, { members: [b.agent] })
    const t = await ticketIn(a, 'new')
    expect(await fieldErrorsOf(assignTicket(a.admin, { number: t.number, teamId: teamB.id, assigneeId: null }))).toEqual({ teamId: ['Choose a team of this organisation'] })
    expect(await fieldErrorsOf(assignTicket(a.admin, { number: t.number, teamId: null, assigneeId: b.agent.user.id }))).toHaveProperty('assigneeId')
    expect(await fieldErrorsOf(assignTicket(a.admin, { number: t.number, teamId: 'nope', assigneeId: null }))).toHaveProperty('teamId')
    expect(await rowOf(a, t.number)).toMatchObject({ teamId: null, assigneeId: null, status: 'new' })
    expect(await historyOf(a, t.id)).toEqual([])
  })

  it('a transfer away from another agent needs a reason; handing off one\'s own or taking an unassigned one does not', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'open', { assignee: o.agent })
    expect(await fieldErrorsOf(assignTicket(o.agent2, { number: t.number, assigneeId: o.agent2.user.id })))
      .toEqual({ reason: ['Say why you are moving this ticket from its current assignee'] })
    await assignTicket(o.agent2, { number: t.number, assigneeId: o.agent2.user.id, reason: 'Andy is off sick' })
    // Self-assignment counts as accepted.
    expect(await rowOf(o, t.number)).toMatchObject({ assigneeId: o.agent2.user.id })
    expect((await rowOf(o, t.number)).acceptedAt).not.toBeNull()
    await assignTicket(o.agent2, { number: t.number, assigneeId: o.agent.user.id }) // their own: no reason needed
    const h = await historyOf(o, t.id)
    expect(h.map((r) => r.reason)).toEqual([null, 'Andy is off sick', null])
    const { timeline } = await getTicketDetail(o.admin, t.number)
    expect(timeline.filter((e) => e.kind === 'assignment').map((e) => e.text)).toEqual([
      `assigned the ticket to ${o.agent.user.name}`,
      `reassigned the ticket from ${o.agent.user.name} to ${o.agent2.user.name}`,
      `reassigned the ticket from ${o.agent2.user.name} to ${o.agent.user.name}`,
    ])
  })
})

describe('sensitive tickets are assigned only to restricted teams and their members', () => {
  it('refuses an open team, an uncleared agent, and an uncleared agent with a restricted team', async () => {
    const o = await makeOrg()
    const desk = await makeTeam(o, { members: [o.agent] })
    const liaison = await makeTeam(o, { restricted: true, members: [o.agent2] })
    const t = await ticketIn(o, 'new', { sensitive: true })
    expect(await fieldErrorsOf(assignTicket(o.admin, { number: t.number, teamId: desk.id, assigneeId: null })))
      .toEqual({ teamId: ['A sensitive ticket can only go to a restricted team'] })
    expect(await fieldErrorsOf(assignTicket(o.admin, { number: t.number, teamId: desk.id, assigneeId: o.agent.user.id }))).toHaveProperty('teamId')
    expect(await fieldErrorsOf(assignTicket(o.admin, { number: t.number, teamId: null, assigneeId: o.agent.user.id })))
      .toEqual({ assigneeId: ['A sensitive ticket can only be assigned to members of a restricted team'] })
    expect(await fieldErrorsOf(assignTicket(o.admin, { number: t.number, teamId: liaison.id, assigneeId: o.agent.user.id }))).toHaveProperty('assigneeId')
    expect(await rowOf(o, t.number)).toMatchObject({ teamId: null, assigneeId: null })
    // Allowed: the restricted team and its member; or an admin with no team.
    await assignTicket(o.admin, { number: t.number, teamId: liaison.id, assigneeId: o.agent2.user.id })
    expect(await rowOf(o, t.number)).toMatchObject({ teamId: liaison.id, assigneeId: o.agent2.user.id })
    await assignTicket(o.admin, { number: t.number, teamId: null, assigneeId: o.admin.user.id, reason: 'Escalated to me' })
    expect(await rowOf(o, t.number)).toMatchObject({ teamId: null, assigneeId: o.admin.user.id })
  })
})

describe('searching for an assignee (the picker)', () => {
  const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort()

  it('finds active staff of this org by name or email, never requesters or another org', async () => {
    const a = await makeOrg()
    const b = await makeOrg()
    expect(ids(await searchAssignees(a.agent, {}))).toEqual(ids([a.admin.user, a.agent.user, a.agent2.user]))
    expect(ids(await searchAssignees(a.agent, { q: a.agent2.user.name.toUpperCase() }))).toEqual([a.agent2.user.id])
    expect(ids(await searchAssignees(a.agent, { q: a.agent2.user.email.split('@')[0] }))).toEqual([a.agent2.user.id])
    // LIKE wildcards are literal: "%" matches no name.
    expect(await searchAssignees(a.agent, { q: '%' })).toEqual([])
    expect(await searchAssignees(a.agent, { q: a.requester.user.name })).toEqual([])
    expect(await searchAssignees(a.agent, { q: b.agent.user.name })).toEqual([])
    expect(await searchAssignees(a.agent, { id: b.agent.user.id })).toEqual([])
    await expect(searchAssignees(a.requester, {})).rejects.toBeInstanceOf(ForbiddenError)
  })

  it('narrows to a team\'s members, and for a sensitive ticket to cleared people and admins', async () => {
    const o = await makeOrg()
    const desk = await makeTeam(o, { members: [o.agent] })
    const liaison = await makeTeam(o, { restricted: true, members: [o.agent2] })
    expect(ids(await searchAssignees(o.admin, { team: desk.id }))).toEqual([o.agent.user.id])
    expect(await searchAssignees(o.admin, { team: desk.id, id: o.agent2.user.id })).toEqual([])
    const secret = await ticketIn(o, 'new', { sensitive: true })
    expect(ids(await searchAssignees(o.admin, { ticket: secret.number }))).toEqual(ids([o.admin.user, o.agent2.user]))
    // The open team offers nobody for a sensitive ticket; the restricted one its members.
    expect(await searchAssignees(o.admin, { ticket: secret.number, team: desk.id })).toEqual([])
    expect(ids(await searchAssignees(o.admin, { ticket: secret.number, team: liaison.id }))).toEqual([o.agent2.user.id])
    // An uncleared agent cannot learn anything through a sensitive ticket's number.
    await expect(searchAssignees(o.agent, { ticket: secret.number })).rejects.toBeInstanceOf(NotFoundError)
    const plain = await ticketIn(o, 'new')
    expect(ids(await searchAssignees(o.agent, { ticket: plain.number }))).toEqual(ids([o.admin.user, o.agent.user, o.agent2.user]))
  })

  it('the form offers restricted teams only for a sensitive ticket, and "assign to me" only to who may hold it', async () => {
    const o = await makeOrg()
    const desk = await makeTeam(o, { members: [o.agent] })
    const liaison = await makeTeam(o, { restricted: true, members: [o.agent2] })
    const plain = await assignmentOptions(o.agent, { sensitive: false, teamId: null })
    expect(plain.teams.map((t) => t.id).sort()).toEqual([desk.id, liaison.id].sort())
    expect(plain.canTakeIt).toBe(true)
    expect((await assignmentOptions(o.agent2, { sensitive: false, teamId: desk.id })).canTakeIt).toBe(false)
    const secret = await assignmentOptions(o.admin, { sensitive: true, teamId: null })
    expect(secret.teams.map((t) => t.id)).toEqual([liaison.id])
    expect(secret.canTakeIt).toBe(true)
    expect((await assignmentOptions(o.agent, { sensitive: true, teamId: null })).canTakeIt).toBe(false)
  })
})

describe('accept / reject (field-ops flow)', () => {
  async function assigned() {
    const o = await makeOrg()
    const team = await makeTeam(o, { members: [o.agent, o.agent2], field: true })
    const t = await ticketIn(o, 'new')
    await assignTicket(o.admin, { number: t.number, teamId: team.id, assigneeId: o.agent.user.id })
    return { o, team, t }
  }

  it('only the assignee accepts; accepting is recorded once', async () => {
    const { o, t } = await assigned()
    await expect(acceptAssignment(o.agent2, { number: t.number })).rejects.toBeInstanceOf(ConflictError)
    await expect(acceptAssignment(o.admin, { number: t.number })).rejects.toBeInstanceOf(ConflictError)
    await expect(acceptAssignment(o.requester, { number: t.number })).rejects.toBeInstanceOf(ForbiddenError)
    await acceptAssignment(o.agent, { number: t.number })
    const accepted = (await rowOf(o, t.number)).acceptedAt
    expect(accepted).toBeInstanceOf(Date)
    await acceptAssignment(o.agent, { number: t.number })
    expect((await rowOf(o, t.number)).acceptedAt).toEqual(accepted)
    expect((await historyOf(o, t.id)).filter((h) => h.kind === 'accepted')).toHaveLength(1)
    expect(await auditCount(o, 'ticket.accepted', t.id)).toBe(1)
  })

  it('rejecting needs a reason, returns the ticket to the team queue unassigned and notifies the team', async () => {
    const { o, team, t } = await assigned()
    expect(await fieldErrorsOf(rejectAssignment(o.agent, { number: t.number, reason: '  ' }))).toEqual({ reason: ['Say why you are rejecting this ticket'] })
    await expect(rejectAssignment(o.agent2, { number: t.number, reason: 'Not mine' })).rejects.toBeInstanceOf(ConflictError)
    // By id, not position: a select without ORDER BY has no row order to rely on (this flaked on Postgres).
    const jobsBefore = new Set((await o.db.select({ id: jobs.id }).from(jobs).where(eq(jobs.organizationId, o.org.id))).map((j) => j.id))
    await rejectAssignment(o.agent, { number: t.number, reason: 'No ladder on the van' })
    expect(await rowOf(o, t.number)).toMatchObject({ teamId: team.id, assigneeId: null, acceptedAt: null })
    expect((await historyOf(o, t.id)).at(-1)).toMatchObject({ kind: 'rejected', fromAssigneeId: o.agent.user.id, toAssigneeId: null, toTeamId: team.id, reason: 'No ladder on the van' })
    // The outbox: a bell row and an email job for the other member, nothing for the one who rejected.
    expect(await bell(o, o.agent2, 'ticket.rejected')).toHaveLength(1)
    expect(await bell(o, o.agent, 'ticket.rejected')).toHaveLength(0)
    const newJobs = (await o.db.select().from(jobs).where(eq(jobs.organizationId, o.org.id))).filter((j) => !jobsBefore.has(j.id))
    expect(newJobs.map((j) => (j.payload as { to?: string }).to)).toEqual([o.agent2.user.email])
    expect(JSON.stringify(newJobs)).not.toContain('No ladder') // staff-only reason stays on the timeline
    const { timeline } = await getTicketDetail(o.admin, t.number)
    expect(timeline.find((e) => e.text.startsWith('rejected'))).toMatchObject({ text: `rejected the assignment; back in the ${team.name} queue`, note: 'No ladder on the van' })
    // Once rejected it is no longer theirs to accept.
    await expect(acceptAssignment(o.agent, { number: t.number })).rejects.toBeInstanceOf(ConflictError)
  })

  it('a rejected sensitive ticket goes to its cleared field team only, never to uncleared agents', async () => {
    const o = await makeOrg()
    const liaison = await makeTeam(o, { restricted: true, field: true, members: [o.agent2, o.admin] })
    const cleared = await o.reload(o.agent2)
    const t = await ticketIn(o, 'new', { sensitive: true })
    await assignTicket(o.admin, { number: t.number, teamId: liaison.id, assigneeId: cleared.user.id })
    await rejectAssignment(cleared, { number: t.number, reason: 'Conflict of interest' })
    expect(await bell(o, o.admin, 'ticket.rejected')).toHaveLength(1)
    expect(await bell(o, o.agent)).toEqual([]) // nothing at all about this ticket
    expect(await bell(o, o.requester, 'ticket.rejected')).toEqual([])
  })

  it('uncleared agents and other orgs cannot accept or reject a sensitive ticket: it does not exist for them', async () => {
    const o = await makeOrg()
    const other = await makeOrg()
    const liaison = await makeTeam(o, { restricted: true, field: true, members: [o.agent2] })
    const cleared = await o.reload(o.agent2)
    const t = await ticketIn(o, 'new', { sensitive: true })
    await assignTicket(o.admin, { number: t.number, teamId: liaison.id, assigneeId: cleared.user.id })
    for (const ctx of [o.agent, other.agent, other.admin]) {
      await expect(acceptAssignment(ctx, { number: t.number })).rejects.toBeInstanceOf(NotFoundError)
      await expect(rejectAssignment(ctx, { number: t.number, reason: 'x' })).rejects.toBeInstanceOf(NotFoundError)
    }
    expect(await rowOf(o, t.number)).toMatchObject({ assigneeId: cleared.user.id, acceptedAt: null })
  })
})

// Issue 18: accept / reject applied to every team; now only a field team's jobs are answered.
describe('field teams', () => {
  it('accept and reject work in a field team only; elsewhere, and with no team, they are refused and nothing changes', async () => {
    const o = await makeOrg()
    const desk = await makeTeam(o, { members: [o.agent] })
    const field = await makeTeam(o, { members: [o.agent], field: true })
    for (const teamId of [desk.id, undefined]) {
      const t = await ticketIn(o, 'new')
      await assignTicket(o.admin, { number: t.number, teamId, assigneeId: o.agent.user.id })
      await expect(acceptAssignment(o.agent, { number: t.number })).rejects.toThrow(/field teams/)
      await expect(rejectAssignment(o.agent, { number: t.number, reason: 'Busy' })).rejects.toBeInstanceOf(ConflictError)
      expect(await rowOf(o, t.number)).toMatchObject({ assigneeId: o.agent.user.id, acceptedAt: null })
      expect(await auditCount(o, 'ticket.accepted', t.id) + await auditCount(o, 'ticket.rejected', t.id)).toBe(0)
    }
    const t = await ticketIn(o, 'new')
    await assignTicket(o.admin, { number: t.number, teamId: field.id, assigneeId: o.agent.user.id })
    await acceptAssignment(o.agent, { number: t.number })
    expect((await rowOf(o, t.number)).acceptedAt).toBeInstanceOf(Date)
  })

  it('only an admin marks a team as a field team, and the change is audited', async () => {
    const o = await makeOrg()
    const team = await makeTeam(o)
    expect(team.field).toBe(false)
    await expect(updateTeam(o.agent, { teamId: team.id, name: team.name, field: true, assignmentStrategy: 'round_robin' })).rejects.toBeInstanceOf(ForbiddenError)
    const updated = await updateTeam(o.admin, { teamId: team.id, name: team.name, field: 'on', assignmentStrategy: 'round_robin' })
    expect(updated.field).toBe(true)
    const [e] = await o.db.select().from(auditEvents).where(and(eq(auditEvents.organizationId, o.org.id), eq(auditEvents.entityId, team.id), eq(auditEvents.action, 'team.updated')))
    expect(e.changes).toEqual({ field: [false, true] })
    const other = await makeOrg()
    await expect(updateTeam(other.admin, { teamId: team.id, name: team.name, field: true, assignmentStrategy: 'round_robin' })).rejects.toBeInstanceOf(NotFoundError)
  })
})
