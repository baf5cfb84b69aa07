import { and, eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditEvents, notifications, tickets } from '@/db/schema'
import { makeOrg, uid, type TestOrg } from '@/test/factory'
import { loadCtx } from '@/lib/auth/load-ctx'
import { addMember } from '@/lib/members/members'
import { makeTeam, rowOf, ticketIn } from '@/test/tickets'
import { verifyOrgChain } from '@/lib/audit/verify'
import { NotFoundError } from '@/lib/errors'
import { assignTicket } from '@/lib/tickets/assign-ticket'
import { getTicketDetail } from '@/lib/tickets/get-ticket'
import { savePolicy } from './policies'
import { sweepSla } from './sweep'

// §5 / §9 / §10: an escalation is on the audit record (once, by the system), breach and
// at-risk notices reach the ticket's team, and the ticket's timeline tells the SLA story.

/** Both of the ticket's deadlines passed a minute ago. */
async function overdue(o: TestOrg, ticketId: string) {
  await o.db.update(tickets).set({
    firstResponseAt: null,
    responseAtRiskAt: sql`now() - interval '10 minutes'`, responseDueAt: sql`now() - interval '2 minutes'`,
    resolutionAtRiskAt: sql`now() - interval '5 minutes'`, resolutionDueAt: sql`now() - interval '1 minute'`,
  }).where(and(eq(tickets.organizationId, o.org.id), eq(tickets.id, ticketId)))
}

const slaBell = async (o: TestOrg, event: string) => (await o.db.select().from(notifications)
  .where(and(eq(notifications.organizationId, o.org.id), eq(notifications.event, event as 'sla.breached'))))

describe('SLA escalation', () => {
  it('is audited once by the system (concurrent sweeps too), reaches the team, and shows on the timeline', async () => {
    const o = await makeOrg()
    await savePolicy(o.admin, { priority: 'normal', responseMinutes: 60, resolutionMinutes: 240, businessHours: false })
    const team = await makeTeam(o, { members: [o.agent, o.agent2] })
    const t = await ticketIn(o, 'in_progress')
    await assignTicket(o.admin, { number: t.number, teamId: team.id, assigneeId: o.agent.user.id })
    await overdue(o, t.id)

    // Both targets breach: two claims could each try to escalate the ticket.
    await Promise.all([sweepSla(o.db), sweepSla(o.db), sweepSla(o.db)])
    await sweepSla(o.db)

    const row = await rowOf(o, t.number)
    expect(row.escalatedAt).not.toBeNull()
    const escalations = await o.db.select().from(auditEvents)
      .where(and(eq(auditEvents.organizationId, o.org.id), eq(auditEvents.action, 'ticket.escalated')))
    expect(escalations).toHaveLength(1)
    expect(escalations[0]).toMatchObject({
      entityType: 'ticket', entityId: t.id, actorId: null, actorRole: null,
      changes: { escalatedAt: [null, row.escalatedAt!.toISOString()] },
    })
    expect((await verifyOrgChain(o.db, o.org)).ok).toBe(true)

    // Assignee (also in the team: one notice per target, not two), the other team member, the admin.
    const breached = (await slaBell(o, 'sla.breached')).map((n) => n.userId)
    const per = (id: string) => breached.filter((u) => u === id).length
    expect(per(o.agent.user.id)).toBe(2)
    expect(per(o.agent2.user.id)).toBe(2)
    expect(per(o.admin.user.id)).toBe(2)
    expect(breached).toHaveLength(6)
    // At risk goes the same way, to assignee and team.
    const atRisk = (await slaBell(o, 'sla.at_risk')).map((n) => n.userId).sort()
    expect(atRisk).toEqual([o.agent.user.id, o.agent.user.id, o.agent2.user.id, o.agent2.user.id].sort())

    // The timeline, in the order it happened, for staff only.
    const { timeline } = await getTicketDetail(o.agent2, t.number)
    const sla = timeline.filter((e) => e.kind === 'sla')
    expect(sla.map((e) => e.text)).toEqual(expect.arrayContaining([
      'marked the first response target at risk', 'marked the resolution target at risk',
      'recorded a breach of the first response target', 'recorded a breach of the resolution target', 'escalated the ticket',
    ]))
    expect(sla).toHaveLength(5)
    expect(sla.every((e) => e.actor === null)).toBe(true)
    expect(sla.find((e) => e.text === 'recorded a breach of the first response target')!.due!.getTime()).toBe(row.responseDueAt!.getTime())
    const order = timeline.map((e) => e.text)
    expect(order.indexOf('escalated the ticket')).toBeGreaterThan(order.indexOf('recorded a breach of the first response target'))
    const asRequester = await getTicketDetail(o.requester, t.number)
    expect(asRequester.timeline.some((e) => e.kind === 'sla')).toBe(false)
  })

  it('a sensitive ticket’s notices reach only the team members who may see it', async () => {
    const o = await makeOrg()
    await savePolicy(o.admin, { priority: 'normal', responseMinutes: 60, resolutionMinutes: 240, businessHours: false })
    const u = await addMember(o.admin, { email: `agent3-${uid()}@t.test`, name: 'Agent Three', role: 'agent' })
    const agent3 = await loadCtx(o.db, u.id, o.org.slug)
    await makeTeam(o, { restricted: true, members: [o.agent2, agent3] })
    const cleared = await o.reload(o.agent2)
    const open = await makeTeam(o, { members: [o.agent, o.agent2, agent3] })
    const s = await ticketIn(o, 'in_progress', { sensitive: true, assignee: cleared })
    // A sensitive ticket left in an open team (routing keeps new ones out; older data may not).
    await o.db.update(tickets).set({ teamId: open.id }).where(and(eq(tickets.organizationId, o.org.id), eq(tickets.id, s.id)))
    await overdue(o, s.id)
    await sweepSla(o.db)

    const breached = (await slaBell(o, 'sla.breached')).map((n) => n.userId)
    // Assignee, the cleared team member and the admin; not the uncleared team member.
    expect(new Set(breached)).toEqual(new Set([cleared.user.id, agent3.user.id, o.admin.user.id]))
    expect(breached).toHaveLength(6)
    expect(breached).not.toContain(o.agent.user.id)
    // The uncleared agent cannot open its timeline either.
    await expect(getTicketDetail(o.agent, s.number)).rejects.toBeInstanceOf(NotFoundError)
    expect((await getTicketDetail(cleared, s.number)).timeline.some((e) => e.text === 'escalated the ticket')).toBe(true)
  })
})
