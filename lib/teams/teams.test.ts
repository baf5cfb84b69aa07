import { describe, expect, it } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { assignmentHistory, routingRules, teamMembers, teams } from '@/db/schema'
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors'
import { saveRule } from '@/lib/routing/rules'
import { randomUUID } from 'node:crypto'
import { addMember, setMemberActive } from '@/lib/members/members'
import { assignTicket } from '@/lib/tickets/assign-ticket'
import { makeOrg, uid, type TestOrg } from '@/test/factory'
import { auditCount, fieldErrorsOf, makeTeam, rowOf, ticketIn } from '@/test/tickets'
import { createTeam, deleteTeam, updateTeam } from './manage-teams'
import { listTeamMembers } from './list-team-members'
import { getTeam, listTeams, TEAM_PREVIEW_SIZE, teamsOverview } from './queries'
import { addTeamMember, removeTeamMember } from './team-members'

const teamRow = async (o: Awaited<ReturnType<typeof makeOrg>>, id: string) =>
  (await o.db.select().from(teams).where(and(eq(teams.organizationId, o.org.id), eq(teams.id, id))))[0]

describe('team management is for admins', () => {
  it('an admin creates, renames, restricts and deletes a team; each step is audited', async () => {
    const o = await makeOrg()
    const team = await createTeam(o.admin, { name: '  Field Engineering ', assignmentStrategy: 'least_open' })
    expect(team).toMatchObject({ name: 'Field Engineering', restricted: false, assignmentStrategy: 'least_open' })
    await updateTeam(o.admin, { teamId: team.id, name: 'Field Ops', restricted: true, assignmentStrategy: 'round_robin' })
    expect(await teamRow(o, team.id)).toMatchObject({ name: 'Field Ops', restricted: true, assignmentStrategy: 'round_robin' })
    await deleteTeam(o.admin, { teamId: team.id })
    expect(await teamRow(o, team.id)).toBeUndefined()
    for (const action of ['team.created', 'team.updated', 'team.deleted']) expect(await auditCount(o, action, team.id), action).toBe(1)
  })

  it('agents and requesters are refused every change, and nothing changes', async () => {
    const o = await makeOrg()
    const team = await makeTeam(o, { members: [o.agent] })
    for (const ctx of [o.agent, o.requester]) {
      for (const call of [
        () => createTeam(ctx, { name: 'Mine' }),
        () => updateTeam(ctx, { teamId: team.id, name: 'Renamed', restricted: true, assignmentStrategy: 'manual' }),
        () => deleteTeam(ctx, { teamId: team.id }),
        () => addTeamMember(ctx, { teamId: team.id, userId: ctx.user.id }),
        () => removeTeamMember(ctx, { teamId: team.id, userId: o.agent.user.id }),
      ]) await expect(call()).rejects.toBeInstanceOf(ForbiddenError)
    }
    expect(await teamRow(o, team.id)).toMatchObject({ name: team.name, restricted: false })
    expect((await listTeams(o.agent)).find((t) => t.id === team.id)?.members.map((m) => m.userId)).toEqual([o.agent.user.id])
    await expect(listTeams(o.requester)).rejects.toBeInstanceOf(ForbiddenError)
  })

  it('another organisation\'s admin cannot see or touch the team', async () => {
    const a = await makeOrg()
    const b = await makeOrg()
    const team = await makeTeam(a, { members: [a.agent] })
    await expect(updateTeam(b.admin, { teamId: team.id, name: 'Pwned', restricted: false, assignmentStrategy: 'manual' })).rejects.toBeInstanceOf(NotFoundError)
    await expect(deleteTeam(b.admin, { teamId: team.id })).rejects.toBeInstanceOf(NotFoundError)
    await expect(addTeamMember(b.admin, { teamId: team.id, userId: b.agent.user.id })).rejects.toBeInstanceOf(NotFoundError)
    await expect(removeTeamMember(b.admin, { teamId: team.id, userId: a.agent.user.id })).rejects.toBeInstanceOf(NotFoundError)
    expect((await listTeams(b.admin)).map((t) => t.id)).not.toContain(team.id)
    // Nor can A's admin put B's agent into A's team.
    expect(await fieldErrorsOf(addTeamMember(a.admin, { teamId: team.id, userId: b.agent.user.id }))).toHaveProperty('userId')
    expect(await teamRow(a, team.id)).toMatchObject({ name: team.name })
  })

  it('names are unique per organisation, ignoring case; other orgs may reuse them', async () => {
    const a = await makeOrg()
    const b = await makeOrg()
    await createTeam(a.admin, { name: 'Service Desk' })
    expect(await fieldErrorsOf(createTeam(a.admin, { name: 'service desk' }))).toEqual({ name: ['There is already a team called “service desk”'] })
    const other = await createTeam(a.admin, { name: 'Other' })
    await expect(updateTeam(a.admin, { teamId: other.id, name: 'SERVICE DESK', restricted: false, assignmentStrategy: 'round_robin' })).rejects.toBeInstanceOf(ConflictError)
    await expect(createTeam(b.admin, { name: 'Service Desk' })).resolves.toMatchObject({ name: 'Service Desk' })
    expect(Object.keys(await fieldErrorsOf(createTeam(a.admin, { name: ' ', assignmentStrategy: 'fastest' as never }))).sort()).toEqual(['assignmentStrategy', 'name'])
  })
})

describe('members', () => {
  it('only active agents and admins join; someone may be in several teams; joining twice is refused', async () => {
    const o = await makeOrg()
    const t1 = await makeTeam(o)
    const t2 = await makeTeam(o)
    await addTeamMember(o.admin, { teamId: t1.id, userId: o.agent.user.id })
    await addTeamMember(o.admin, { teamId: t2.id, userId: o.agent.user.id })
    await addTeamMember(o.admin, { teamId: t2.id, userId: o.admin.user.id })
    await expect(addTeamMember(o.admin, { teamId: t1.id, userId: o.requester.user.id })).rejects.toBeInstanceOf(ValidationError)
    await expect(addTeamMember(o.admin, { teamId: t1.id, userId: o.agent.user.id })).rejects.toBeInstanceOf(ConflictError)
    await setMemberActive(o.admin, { userId: o.agent2.user.id, active: false })
    await expect(addTeamMember(o.admin, { teamId: t1.id, userId: o.agent2.user.id })).rejects.toBeInstanceOf(ValidationError)
    const view = await listTeams(o.admin)
    expect(view.find((t) => t.id === t2.id)?.members.map((m) => m.userId).sort()).toEqual([o.admin.user.id, o.agent.user.id].sort())
    await removeTeamMember(o.admin, { teamId: t1.id, userId: o.agent.user.id })
    await expect(removeTeamMember(o.admin, { teamId: t1.id, userId: o.agent.user.id })).rejects.toBeInstanceOf(NotFoundError)
    expect(await auditCount(o, 'team.member_added', t2.id)).toBe(2)
    expect(await auditCount(o, 'team.member_removed', t1.id)).toBe(1)
  })

  it('joining a restricted team clears an agent; leaving it takes clearance away', async () => {
    const o = await makeOrg()
    const team = await makeTeam(o, { restricted: true })
    expect(o.agent.cleared).toBe(false)
    await addTeamMember(o.admin, { teamId: team.id, userId: o.agent.user.id })
    expect((await o.reload(o.agent)).cleared).toBe(true)
    await removeTeamMember(o.admin, { teamId: team.id, userId: o.agent.user.id })
    expect((await o.reload(o.agent)).cleared).toBe(false)
  })
})

describe('clearance is never taken from someone holding a sensitive ticket', () => {
  async function setup() {
    const o = await makeOrg()
    const team = await makeTeam(o, { restricted: true, members: [o.agent2] })
    const cleared = await o.reload(o.agent2)
    const t = await ticketIn(o, 'open', { sensitive: true, assignee: cleared })
    return { o, team, cleared, t }
  }

  it('removing the member, unrestricting or deleting the team is refused until the ticket is reassigned', async () => {
    const { o, team, t } = await setup()
    await expect(removeTeamMember(o.admin, { teamId: team.id, userId: o.agent2.user.id })).rejects.toThrow(/Reassign their sensitive tickets first/)
    await expect(updateTeam(o.admin, { teamId: team.id, name: team.name, restricted: false, assignmentStrategy: 'round_robin' })).rejects.toBeInstanceOf(ConflictError)
    await expect(deleteTeam(o.admin, { teamId: team.id })).rejects.toBeInstanceOf(ConflictError)
    expect((await o.reload(o.agent2)).cleared).toBe(true)
    // Renaming is fine.
    await updateTeam(o.admin, { teamId: team.id, name: 'Liaison', restricted: true, assignmentStrategy: 'round_robin' })
    // Once an admin holds it, the agent may leave.
    await assignTicket(o.admin, { number: t.number, assigneeId: o.admin.user.id, reason: 'Agent moves to another desk' })
    await removeTeamMember(o.admin, { teamId: team.id, userId: o.agent2.user.id })
    expect((await o.reload(o.agent2)).cleared).toBe(false)
  })

  it('a team holding a sensitive ticket stays restricted even with nobody assigned', async () => {
    const o = await makeOrg()
    const team = await makeTeam(o, { restricted: true, strategy: 'manual' })
    const t = await ticketIn(o, 'new', { sensitive: true })
    await assignTicket(o.admin, { number: t.number, teamId: team.id, assigneeId: null })
    expect(await fieldErrorsOf(updateTeam(o.admin, { teamId: team.id, name: team.name, restricted: false, assignmentStrategy: 'manual' })))
      .toEqual({ restricted: ['A team holding sensitive tickets must stay restricted'] })
    expect((await teamRow(o, team.id)).restricted).toBe(true)
  })
})

describe('deleting a team', () => {
  it('its tickets leave the team (with a history row), assignees stay, its rules go', async () => {
    const o = await makeOrg()
    const team = await makeTeam(o, { members: [o.agent], strategy: 'manual' })
    const keep = await makeTeam(o)
    const open = await ticketIn(o, 'open')
    await assignTicket(o.admin, { number: open.number, teamId: team.id, assigneeId: o.agent.user.id })
    const done = await ticketIn(o, 'closed')
    await assignTicket(o.admin, { number: done.number, teamId: team.id, assigneeId: o.agent.user.id })
    await saveRule(o.admin, { name: 'Everything', teamId: team.id })
    await saveRule(o.admin, { name: 'Other', teamId: keep.id })

    expect(await deleteTeam(o.admin, { teamId: team.id })).toEqual({ openTickets: 1, rules: 1 })
    expect(await rowOf(o, open.number)).toMatchObject({ teamId: null, assigneeId: o.agent.user.id })
    expect(await rowOf(o, done.number)).toMatchObject({ teamId: null })
    const history = await o.db.select().from(assignmentHistory).where(and(eq(assignmentHistory.organizationId, o.org.id), eq(assignmentHistory.ticketId, open.id)))
    expect(history.at(-1)).toMatchObject({ fromTeamId: team.id, toTeamId: null, actorId: o.admin.user.id })
    expect(history.some((h) => h.reason?.includes('was deleted'))).toBe(true)
    const rules = await o.db.select().from(routingRules).where(eq(routingRules.organizationId, o.org.id))
    expect(rules.map((r) => r.name)).toEqual(['Other'])
    expect(await o.db.select().from(teamMembers).where(eq(teamMembers.teamId, team.id))).toEqual([])
  })
})

describe('the settings overview and a team\'s member pages', () => {
  /** `n` new agents in one team, under names that repeat and differ only in case (only the user id tells them apart). */
  async function bigTeam(o: TestOrg, n: number) {
    const tag = uid()
    const team = await makeTeam(o)
    for (let i = 0; i < n; i++) {
      const name = `${['Zoe', 'adam', 'ADAM', 'Mia', 'mia'][i % 5]} ${tag}`
      const u = await addMember(o.admin, { email: `m${i}-${tag}@t.test`, name, role: 'agent' })
      await addTeamMember(o.admin, { teamId: team.id, userId: u.id })
    }
    return { team, tag }
  }
  const byKey = (a: { name: string; userId: string }, b: { name: string; userId: string }) =>
    a.name.toLowerCase() < b.name.toLowerCase() ? -1 : a.name.toLowerCase() > b.name.toLowerCase() ? 1 : a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0

  /** Every page of the team's members from the first, following `nextCursor`. */
  async function walk(o: TestOrg, teamId: string, query: { q?: string; limit: number }) {
    const pages: Awaited<ReturnType<typeof listTeamMembers>>[] = []
    let after: string | undefined
    do {
      const page = await listTeamMembers(o.admin, teamId, { ...query, after })
      pages.push(page)
      after = page.nextCursor ?? undefined
    } while (after && pages.length < 50)
    return pages
  }

  it('the overview counts every member of each team but lists only the first few, in name order', async () => {
    const o = await makeOrg()
    const { team: big } = await bigTeam(o, TEAM_PREVIEW_SIZE + 5)
    const small = await makeTeam(o, { members: [o.agent2, o.agent] })
    const empty = await makeTeam(o)
    const other = await makeOrg()
    await makeTeam(other, { members: [other.agent] })

    const overview = await teamsOverview(o.admin)
    expect(overview.map((t) => t.id).sort()).toEqual([big.id, small.id, empty.id].sort())
    const bigView = overview.find((t) => t.id === big.id)!
    expect(bigView.memberCount).toBe(TEAM_PREVIEW_SIZE + 5)
    expect(bigView.members).toHaveLength(TEAM_PREVIEW_SIZE)
    // The first members of the full list, in its order.
    const all = (await walk(o, big.id, { limit: 100 })).flatMap((p) => p.members)
    expect(all).toHaveLength(TEAM_PREVIEW_SIZE + 5)
    expect(all).toEqual([...all].sort(byKey))
    expect(bigView.members).toEqual(all.slice(0, TEAM_PREVIEW_SIZE))
    expect(overview.find((t) => t.id === small.id)).toMatchObject({
      memberCount: 2, members: [o.agent, o.agent2].map((c) => ({ userId: c.user.id, name: c.user.name })).sort(byKey),
    })
    expect(overview.find((t) => t.id === empty.id)).toMatchObject({ memberCount: 0, members: [] })
    // A deactivated member still counts and is shown, flagged.
    await setMemberActive(o.admin, { userId: o.agent.user.id, active: false })
    expect((await teamsOverview(o.admin)).find((t) => t.id === small.id)?.members.find((m) => m.userId === o.agent.user.id)).toMatchObject({ active: false })
  })

  it('a team\'s members page through to the end without duplicates or gaps, even when names tie', async () => {
    const o = await makeOrg()
    const { team } = await bigTeam(o, 23)
    const pages = await walk(o, team.id, { limit: 5 })
    expect(pages.map((p) => p.members.length)).toEqual([5, 5, 5, 5, 3])
    expect(pages.every((p) => p.memberCount === 23)).toBe(true)
    expect(pages.at(-1)!.nextCursor).toBeNull()
    const seen = pages.flatMap((p) => p.members)
    expect(new Set(seen.map((m) => m.userId)).size).toBe(23)
    expect(seen).toEqual([...seen].sort(byKey))
    // An exact page's end: the last page is full and says so.
    const exact = await walk(o, team.id, { limit: 23 })
    expect(exact.map((p) => [p.members.length, p.nextCursor])).toEqual([[23, null]])
    // A cursor that does not decode starts again at the first page.
    expect((await listTeamMembers(o.admin, team.id, { limit: 5, after: 'garbage' })).members).toEqual(pages[0].members)
  })

  it('searches a team by name or email, ignoring case, and pages the matches', async () => {
    const o = await makeOrg()
    const { team, tag } = await bigTeam(o, 12)
    await addTeamMember(o.admin, { teamId: team.id, userId: o.agent.user.id })
    const adams = (await walk(o, team.id, { q: `ADAM ${tag}`, limit: 2 })).flatMap((p) => p.members)
    expect(adams.map((m) => m.name.toLowerCase())).toEqual(Array(5).fill(`adam ${tag}`))
    expect(new Set(adams.map((m) => m.userId)).size).toBe(5)
    const byEmail = await listTeamMembers(o.admin, team.id, { q: `M3-${tag.toUpperCase()}@t.TEST`, limit: 10 })
    expect(byEmail.members.map((m) => m.email)).toEqual([`m3-${tag}@t.test`])
    expect(byEmail.memberCount).toBe(13)
    // Someone in the org but not in the team is not found by the team's search.
    const outsider = await listTeamMembers(o.admin, team.id, { q: o.agent2.user.name, limit: 10 })
    expect(outsider).toMatchObject({ members: [], nextCursor: null, memberCount: 13 })
    expect((await listTeamMembers(o.admin, team.id, { q: o.agent.user.name, limit: 10 })).members.map((m) => m.userId)).toEqual([o.agent.user.id])
  })

  it('another organisation\'s team, or no team at all, is not found; agents and requesters are refused', async () => {
    const a = await makeOrg()
    const b = await makeOrg()
    const team = await makeTeam(a, { members: [a.agent] })
    for (const id of [team.id, randomUUID(), 'not-a-team']) {
      await expect(listTeamMembers(b.admin, id, { limit: 10 })).rejects.toBeInstanceOf(NotFoundError)
      await expect(getTeam(b.admin, id)).rejects.toBeInstanceOf(NotFoundError)
    }
    await expect(listTeamMembers(a.admin, randomUUID(), { limit: 10 })).rejects.toBeInstanceOf(NotFoundError)
    for (const ctx of [a.agent, a.requester]) {
      await expect(listTeamMembers(ctx, team.id, { limit: 10 })).rejects.toBeInstanceOf(ForbiddenError)
      await expect(teamsOverview(ctx)).rejects.toBeInstanceOf(ForbiddenError)
      await expect(getTeam(ctx, team.id)).rejects.toBeInstanceOf(ForbiddenError)
    }
    expect(await getTeam(a.admin, team.id)).toMatchObject({ id: team.id, name: team.name })
    expect((await teamsOverview(b.admin)).map((t) => t.id)).not.toContain(team.id)
    expect((await listTeamMembers(a.admin, team.id, { limit: 10 })).members.map((m) => m.userId)).toEqual([a.agent.user.id])
  })
})
