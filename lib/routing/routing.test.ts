import { describe, expect, it } from 'vitest'
import { and, count, eq, inArray } from 'drizzle-orm'
import { assignmentHistory, tickets } from '@/db/schema'
import type { Ctx } from '@/lib/auth/ctx-type'
import { loadCtx } from '@/lib/auth/load-ctx'
import { ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors'
import { addMember, setMemberActive } from '@/lib/members/members'
import { assignTicket } from '@/lib/tickets/assign-ticket'
import { createTicket } from '@/lib/tickets/create-ticket'
import { rejectAssignment } from '@/lib/tickets/accept-assignment'
import { updateTicket } from '@/lib/tickets/update-ticket'
import { category, makeOrg, uid, type TestOrg } from '@/test/factory'
import { auditCount, clear, fieldErrorsOf, makeTeam, rowOf, ticketIn } from '@/test/tickets'
import { previewRoute } from './preview'
import { autoAssign } from './route-ticket'
import { deleteRule, listRules, moveRule, saveRule } from './rules'

const file = (o: TestOrg, title: string, extra: Partial<Parameters<typeof createTicket>[1]> = {}, by: Ctx = o.requester) =>
  createTicket(by, { title, description: 'Details', categoryId: category(o, 'General'), ...extra })

async function moreAgents(o: TestOrg, n: number): Promise<Ctx[]> {
  const out: Ctx[] = []
  for (let i = 0; i < n; i++) {
    const u = await addMember(o.admin, { email: `extra${i}-${uid()}@t.test`, name: `Extra ${i}`, role: 'agent' })
    out.push(await loadCtx(o.db, u.id, o.org.slug))
  }
  return out
}

async function loadOf(o: TestOrg, ids: string[]) {
  const rows = await o.db.select({ id: tickets.assigneeId, n: count() }).from(tickets)
    .where(and(eq(tickets.organizationId, o.org.id), inArray(tickets.assigneeId, ids))).groupBy(tickets.assigneeId)
  return Object.fromEntries(ids.map((id) => [id, rows.find((r) => r.id === id)?.n ?? 0]))
}

describe('routing rules are admin settings', () => {
  it('agents and requesters cannot list, save, move or delete rules', async () => {
    const o = await makeOrg()
    const team = await makeTeam(o)
    const rule = await saveRule(o.admin, { name: 'All', teamId: team.id })
    for (const ctx of [o.agent, o.requester]) {
      for (const call of [
        () => listRules(ctx), () => saveRule(ctx, { name: 'Mine', teamId: team.id }), () => moveRule(ctx, { ruleId: rule.id, direction: 'down' }),
        () => deleteRule(ctx, { ruleId: rule.id }), () => previewRoute(ctx, { title: 'x', priority: 'normal' }),
      ]) await expect(call()).rejects.toBeInstanceOf(ForbiddenError)
    }
    expect((await listRules(o.admin)).map((r) => r.rule.name)).toEqual(['All'])
  })

  it('another org\'s team, category or rule id is refused', async () => {
    const a = await makeOrg()
    const b = await makeOrg()
    const teamA = await makeTeam(a)
    const teamB = await makeTeam(b)
    const ruleB = await saveRule(b.admin, { name: 'B', teamId: teamB.id })
    expect(Object.keys(await fieldErrorsOf(saveRule(a.admin, { name: 'x', teamId: teamB.id, categoryId: category(b, 'General') }))).sort())
      .toEqual(['categoryId', 'teamId'])
    await expect(saveRule(a.admin, { ruleId: ruleB.id, name: 'Pwned', teamId: teamA.id })).rejects.toBeInstanceOf(NotFoundError)
    await expect(moveRule(a.admin, { ruleId: ruleB.id, direction: 'up' })).rejects.toBeInstanceOf(NotFoundError)
    await expect(deleteRule(a.admin, { ruleId: ruleB.id })).rejects.toBeInstanceOf(NotFoundError)
    expect((await listRules(b.admin))[0].rule).toMatchObject({ name: 'B', teamId: teamB.id })
  })

  it('bad input names every field; lists are trimmed, de-duplicated and lower-cased where it matters', async () => {
    const o = await makeOrg()
    const team = await makeTeam(o)
    expect(Object.keys(await fieldErrorsOf(saveRule(o.admin, { name: '', teamId: 'x', priorities: ['soon'], requesterDomains: 'not a domain' }))).sort())
      .toEqual(['name', 'priorities', 'requesterDomains', 'teamId'])
    const rule = await saveRule(o.admin, { name: 'VPN', teamId: team.id, keywords: 'vpn, VPN ,, remote access\nvpn', requesterDomains: '@ACME.test, acme.test', priorities: ['high', 'high'] })
    expect(rule).toMatchObject({ keywords: ['vpn', 'VPN', 'remote access'], requesterDomains: ['acme.test'], priorities: ['high'], position: 1 })
    expect(await auditCount(o, 'routing_rule.created', rule.id)).toBe(1)
  })
})

describe('routing new tickets', () => {
  it('the first matching rule in order wins, and moving rules changes the winner', async () => {
    const o = await makeOrg()
    const desk = await makeTeam(o, { strategy: 'manual', name: 'Desk' })
    const field = await makeTeam(o, { strategy: 'manual', name: 'Field' })
    const printers = await saveRule(o.admin, { name: 'Printers', teamId: field.id, keywords: 'printer' })
    await saveRule(o.admin, { name: 'Everything else', teamId: desk.id })
    expect((await file(o, 'Printer jams')).teamId).toBe(field.id)
    expect((await file(o, 'Mail is slow')).teamId).toBe(desk.id)
    await moveRule(o.admin, { ruleId: printers.id, direction: 'down' })
    expect((await listRules(o.admin)).map((r) => [r.rule.name, r.rule.position])).toEqual([['Everything else', 1], ['Printers', 2]])
    expect((await file(o, 'Printer jams again')).teamId).toBe(desk.id)
    // Moving past either end changes nothing.
    await moveRule(o.admin, { ruleId: printers.id, direction: 'down' })
    expect((await listRules(o.admin)).map((r) => r.rule.name)).toEqual(['Everything else', 'Printers'])
    // An inactive rule is skipped.
    const [first] = await listRules(o.admin)
    await saveRule(o.admin, { ...first.rule, ruleId: first.rule.id, categoryId: undefined, active: false })
    expect((await file(o, 'Printer on fire')).teamId).toBe(field.id)
  })

  it('conditions: category, priority, requester domain; with no match the ticket stays unrouted', async () => {
    const o = await makeOrg()
    const vip = await makeTeam(o, { strategy: 'manual' })
    await saveRule(o.admin, { name: 'Urgent from t.test', teamId: vip.id, categoryId: category(o, 'General'), priorities: ['urgent'], requesterDomains: 't.test' })
    expect((await file(o, 'A', { priority: 'urgent' })).teamId).toBe(vip.id)
    expect((await file(o, 'B', { priority: 'low' })).teamId).toBeNull()
    const routed = await rowOf(o, (await file(o, 'C', { priority: 'normal' })).number)
    expect(routed).toMatchObject({ teamId: null, assigneeId: null, status: 'new' })
  })

  it('a routed ticket is handed out, opened, recorded as routed by the system, and the agent is notified', async () => {
    const o = await makeOrg()
    const team = await makeTeam(o, { members: [o.agent] })
    await saveRule(o.admin, { name: 'All', teamId: team.id })
    const t = await file(o, 'Routed')
    expect(t).toMatchObject({ teamId: team.id, assigneeId: o.agent.user.id, status: 'open', acceptedAt: null })
    const [h] = await o.db.select().from(assignmentHistory).where(eq(assignmentHistory.ticketId, t.id))
    expect(h).toMatchObject({ kind: 'routed', actorId: null, toTeamId: team.id, toAssigneeId: o.agent.user.id, reason: 'Rule “All”' })
    expect(await auditCount(o, 'ticket.routed', t.id)).toBe(1)
  })

  it('staff may name the team when logging a ticket; a requester cannot', async () => {
    const o = await makeOrg()
    const named = await makeTeam(o, { strategy: 'manual' })
    const ruled = await makeTeam(o, { strategy: 'manual' })
    await saveRule(o.admin, { name: 'All', teamId: ruled.id })
    expect((await file(o, 'Phone call', { teamId: named.id, requesterEmail: o.requester.user.email }, o.agent)).teamId).toBe(named.id)
    expect((await file(o, 'Portal', { teamId: named.id })).teamId).toBe(ruled.id)
    const other = await makeOrg()
    expect(await fieldErrorsOf(file(o, 'Forged', { teamId: (await makeTeam(other)).id }, o.agent))).toHaveProperty('teamId')
  })
})

describe('hand-out strategies', () => {
  it('round-robin spreads 100 tickets evenly over 4 agents, then skips a deactivated one', async () => {
    const o = await makeOrg()
    const extra = await moreAgents(o, 2)
    const agents = [o.agent, o.agent2, ...extra]
    const ids = agents.map((a) => a.user.id)
    const team = await makeTeam(o, { members: agents })
    await saveRule(o.admin, { name: 'All', teamId: team.id })
    // Concurrent creations, in waves: the team row's lock keeps the cursor consistent.
    for (let wave = 0; wave < 10; wave++) await Promise.all(Array.from({ length: 10 }, (_, i) => file(o, `RR ${wave}-${i}`)))
    expect(Object.values(await loadOf(o, ids))).toEqual([25, 25, 25, 25])

    await setMemberActive(o.admin, { userId: extra[0].user.id, active: false })
    for (let i = 0; i < 30; i++) await file(o, `After ${i}`)
    const after = await loadOf(o, ids)
    expect(after[extra[0].user.id]).toBe(25)
    expect([after[o.agent.user.id], after[o.agent2.user.id], after[extra[1].user.id]]).toEqual([35, 35, 35])
  })

  it('least-open gives the ticket to whoever has the fewest open tickets; solved ones do not count', async () => {
    const o = await makeOrg()
    const [c] = await moreAgents(o, 1)
    const team = await makeTeam(o, { members: [o.agent, o.agent2, c], strategy: 'least_open' })
    for (let i = 0; i < 3; i++) await ticketIn(o, 'in_progress', { assignee: o.agent })
    await ticketIn(o, 'open', { assignee: o.agent2 })
    for (let i = 0; i < 2; i++) await ticketIn(o, 'pending', { assignee: c })
    for (let i = 0; i < 4; i++) await ticketIn(o, 'resolved', { assignee: o.agent2 })
    await saveRule(o.admin, { name: 'All', teamId: team.id })
    expect((await file(o, 'Next')).assigneeId).toBe(o.agent2.user.id) // 1 open
    // agent2 now has 2, like c: the tie goes in turn, then the one with fewest again.
    const next = [(await file(o, 'N2')).assigneeId, (await file(o, 'N3')).assigneeId]
    expect(next.sort()).toEqual([o.agent2.user.id, c.user.id].sort())
    expect(Object.values(await loadOf(o, [o.agent.user.id]))).toEqual([3])
  })

  it('a manual team keeps tickets in its queue, unassigned', async () => {
    const o = await makeOrg()
    const team = await makeTeam(o, { members: [o.agent, o.agent2], strategy: 'manual' })
    await saveRule(o.admin, { name: 'All', teamId: team.id })
    const t = await file(o, 'Queued')
    expect(t).toMatchObject({ teamId: team.id, assigneeId: null, status: 'new' })
  })
})

describe('sensitive tickets are routed only to restricted teams', () => {
  it('a rule for the restricted team wins; an open team matched first is passed over', async () => {
    const o = await makeOrg()
    const desk = await makeTeam(o, { members: [o.agent] })
    const liaison = await makeTeam(o, { restricted: true, members: [o.agent2] })
    await saveRule(o.admin, { name: 'Everything', teamId: desk.id })
    const t = await file(o, 'Please help', { categoryId: category(o, 'Sensitive') })
    expect(t).toMatchObject({ sensitive: true, teamId: liaison.id, assigneeId: o.agent2.user.id })
    const [h] = await o.db.select().from(assignmentHistory).where(eq(assignmentHistory.ticketId, t.id))
    expect(h.reason).toMatch(/not restricted/)
    // Plain tickets still follow the rule.
    expect((await file(o, 'Printer')).teamId).toBe(desk.id)
  })

  it('without any restricted team a sensitive ticket stays unrouted, for admins', async () => {
    const o = await makeOrg()
    const desk = await makeTeam(o, { members: [o.agent] })
    await saveRule(o.admin, { name: 'Everything', teamId: desk.id })
    const t = await file(o, 'Please help', { categoryId: category(o, 'Sensitive') })
    expect(t).toMatchObject({ sensitive: true, teamId: null, assigneeId: null })
  })

  it('flagging a ticket sensitive moves it out of an open team and away from an uncleared agent', async () => {
    const o = await makeOrg()
    const desk = await makeTeam(o, { members: [o.agent] })
    const liaison = await makeTeam(o, { restricted: true, members: [o.agent2] })
    await saveRule(o.admin, { name: 'Everything', teamId: desk.id })
    const t = await file(o, 'Neighbour dispute')
    expect(t).toMatchObject({ teamId: desk.id, assigneeId: o.agent.user.id })
    await updateTicket(o.agent, { number: t.number, title: t.title, description: t.description, priority: t.priority, categoryId: t.categoryId!, sensitive: true })
    expect(await rowOf(o, t.number)).toMatchObject({ sensitive: true, teamId: liaison.id, assigneeId: o.agent2.user.id })
  })
})

describe('Auto-assign', () => {
  it('re-runs routing, passes over agents who rejected the ticket, and refuses with nothing to go on', async () => {
    const o = await makeOrg()
    const team = await makeTeam(o, { members: [o.agent, o.agent2], field: true })
    const lonely = await ticketIn(o, 'new')
    await expect(autoAssign(o.agent, { number: lonely.number })).rejects.toBeInstanceOf(ValidationError)
    await saveRule(o.admin, { name: 'All', teamId: team.id })
    const r = await autoAssign(o.agent, { number: lonely.number })
    expect(r.changed).toBe(true)
    const first = (await rowOf(o, lonely.number)).assigneeId!
    const firstCtx = first === o.agent.user.id ? o.agent : o.agent2
    await rejectAssignment(firstCtx, { number: lonely.number, reason: 'On leave' })
    // Round-robin would come back round to them; they said no, so it goes to the other.
    for (let i = 0; i < 3; i++) {
      await autoAssign(o.admin, { number: lonely.number })
      expect((await rowOf(o, lonely.number)).assigneeId).not.toBe(first)
    }
    await expect(autoAssign(o.requester, { number: lonely.number })).rejects.toBeInstanceOf(ForbiddenError)
  })

  it('an agent without clearance cannot auto-assign a sensitive ticket: it does not exist for them', async () => {
    const o = await makeOrg()
    await clear(o, o.agent2)
    const t = await ticketIn(o, 'new', { sensitive: true })
    await expect(autoAssign(o.agent, { number: t.number })).rejects.toBeInstanceOf(NotFoundError)
    const other = await makeOrg()
    await expect(autoAssign(other.admin, { number: t.number })).rejects.toBeInstanceOf(NotFoundError)
    expect(await rowOf(o, t.number)).toMatchObject({ assigneeId: null, teamId: null })
  })

  it('a sensitive ticket parked in an open team is refused auto-assign to it', async () => {
    const o = await makeOrg()
    const desk = await makeTeam(o, { members: [o.agent] })
    const t = await ticketIn(o, 'new')
    await assignTicket(o.admin, { number: t.number, teamId: desk.id, assigneeId: null })
    await updateTicket(o.admin, { number: t.number, title: t.title, description: t.description, priority: t.priority, categoryId: t.categoryId!, sensitive: true })
    // No restricted team exists: confining took it out of the open team.
    expect(await rowOf(o, t.number)).toMatchObject({ teamId: null, assigneeId: null })
    await expect(autoAssign(o.admin, { number: t.number })).rejects.toBeInstanceOf(ValidationError)
  })
})

describe('the rule editor preview', () => {
  it('uses the same matcher as routing: the rule it names is the rule a real ticket gets', async () => {
    const o = await makeOrg()
    const desk = await makeTeam(o, { strategy: 'manual', name: 'Desk' })
    const field = await makeTeam(o, { strategy: 'manual', name: 'Field' })
    const liaison = await makeTeam(o, { strategy: 'manual', name: 'Liaison', restricted: true })
    await saveRule(o.admin, { name: 'VPN', teamId: field.id, keywords: 'vpn' })
    await saveRule(o.admin, { name: 'Domain', teamId: desk.id, requesterDomains: 't.test' })
    const cases = [
      { title: 'VPN down', categoryId: category(o, 'General') },
      { title: 'Mail', categoryId: category(o, 'General') },
      { title: 'Help', categoryId: category(o, 'Sensitive') },
    ]
    const expected = [field.id, desk.id, liaison.id]
    for (const [i, c] of cases.entries()) {
      const p = await previewRoute(o.admin, { ...c, description: 'x', priority: 'normal', requesterEmail: o.requester.user.email })
      const real = await file(o, c.title, { categoryId: c.categoryId })
      expect(p.team?.id, c.title).toBe(expected[i])
      expect(real.teamId, c.title).toBe(p.team?.id)
    }
    const p = await previewRoute(o.admin, { title: 'Mail', priority: 'normal', requesterEmail: 'x@elsewhere.org' })
    expect(p).toMatchObject({ via: 'none', team: null, rule: null })
    expect(p.evaluations.map((e) => [e.name, e.failed])).toEqual([['VPN', ['keywords']], ['Domain', ['domain']]])
    // Another org's category is simply not sensitive here, and matches nothing.
    const other = await makeOrg()
    expect((await previewRoute(o.admin, { title: 'x', priority: 'normal', categoryId: category(other, 'Sensitive') })).sensitive).toBe(false)
  })
})
