import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { ForbiddenError, NotFoundError } from '@/lib/errors'
import { addMember, changeRole, setMemberActive } from '@/lib/members/members'
import { makeOrg, uid } from '@/test/factory'
import { makeTeam } from '@/test/tickets'
import { searchTeamCandidates, TEAM_CANDIDATES_LIMIT } from './candidates'
import { addTeamMember } from './team-members'

describe('team candidates (the add-member type-ahead)', () => {
  it('offers active agents and admins not yet in the team, by name or email, alphabetically', async () => {
    const o = await makeOrg()
    const team = await makeTeam(o, { members: [o.agent] })
    await setMemberActive(o.admin, { userId: o.agent2.user.id, active: false })
    const ids = async (q = '') => (await searchTeamCandidates(o.admin, { team: team.id, q })).map((p) => p.userId)
    // agent is in the team, agent2 deactivated, requesters never qualify: only the admin is left.
    expect(await ids()).toEqual([o.admin.user.id])
    await setMemberActive(o.admin, { userId: o.agent2.user.id, active: true })
    expect((await ids()).sort()).toEqual([o.admin.user.id, o.agent2.user.id].sort())
    expect(await ids(o.agent2.user.email.toUpperCase())).toEqual([o.agent2.user.id])
    expect(await ids('requester')).toEqual([])
    // Everyone offered is accepted by addTeamMember; then they are offered no more.
    await addTeamMember(o.admin, { teamId: team.id, userId: o.agent2.user.id })
    expect(await ids()).toEqual([o.admin.user.id])
    // A promoted requester becomes a candidate.
    await changeRole(o.admin, { userId: o.requester.user.id, role: 'agent' })
    expect(await ids('requester')).toEqual([o.requester.user.id])
  })

  it('answers at most 20 people, in name order', async () => {
    const o = await makeOrg()
    const team = await makeTeam(o)
    const tag = uid()
    for (let i = 0; i < TEAM_CANDIDATES_LIMIT + 5; i++) {
      await addMember(o.admin, { email: `many-${i}-${tag}@t.test`, name: `Many ${String(i).padStart(2, '0')} ${tag}`, role: 'agent' })
    }
    const found = await searchTeamCandidates(o.admin, { team: team.id, q: tag })
    expect(found).toHaveLength(TEAM_CANDIDATES_LIMIT)
    expect(found.map((p) => p.name)).toEqual(Array.from({ length: TEAM_CANDIDATES_LIMIT }, (_, i) => `Many ${String(i).padStart(2, '0')} ${tag}`))
  })

  it('is for admins only, and only for their own organisation\'s teams and people', async () => {
    const a = await makeOrg()
    const b = await makeOrg()
    const team = await makeTeam(a)
    for (const ctx of [a.agent, a.requester]) {
      await expect(searchTeamCandidates(ctx, { team: team.id })).rejects.toBeInstanceOf(ForbiddenError)
    }
    await expect(searchTeamCandidates(b.admin, { team: team.id })).rejects.toBeInstanceOf(NotFoundError)
    await expect(searchTeamCandidates(a.admin, { team: randomUUID() })).rejects.toBeInstanceOf(NotFoundError)
    const offered = (await searchTeamCandidates(a.admin, { team: team.id })).map((p) => p.userId)
    expect(offered.sort()).toEqual([a.admin.user.id, a.agent.user.id, a.agent2.user.id].sort())
    for (const other of [b.admin, b.agent, b.agent2]) expect(offered).not.toContain(other.user.id)
  })
})
