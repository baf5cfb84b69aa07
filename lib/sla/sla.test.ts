import { and, eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { notifications, slaEvents, tickets } from '@/db/schema'
import { category, makeOrg, type TestOrg } from '@/test/factory'
import { rowOf, ticketIn } from '@/test/tickets'
import { changeStatus } from '@/lib/tickets/change-status'
import { createTicket } from '@/lib/tickets/create-ticket'
import { updateTicket } from '@/lib/tickets/update-ticket'
import { savePolicy, saveCalendar } from './policies'
import { sweepSla } from './sweep'

const MIN = 60_000

async function withPolicies(o: TestOrg) {
  await savePolicy(o.admin, { priority: 'normal', responseMinutes: 60, resolutionMinutes: 240, businessHours: false })
  await savePolicy(o.admin, { priority: 'urgent', responseMinutes: 15, resolutionMinutes: 60, businessHours: false })
  await savePolicy(o.admin, { priority: 'normal', categoryId: category(o, 'Sensitive'), responseMinutes: 5, resolutionMinutes: 30, businessHours: false })
}

describe('SLA policies', () => {
  it('only admins manage them; bad targets and duplicates get field errors', async () => {
    const o = await makeOrg()
    await expect(savePolicy(o.agent, { priority: 'low', responseMinutes: 60, resolutionMinutes: 120, businessHours: true })).rejects.toThrow()
    await expect(savePolicy(o.admin, { priority: 'low', responseMinutes: 0, resolutionMinutes: 30, businessHours: true }))
      .rejects.toMatchObject({ issues: [expect.objectContaining({ path: ['responseMinutes'] })] })
    await expect(savePolicy(o.admin, { priority: 'low', responseMinutes: 60, resolutionMinutes: 30, businessHours: true }))
      .rejects.toMatchObject({ issues: [expect.objectContaining({ path: ['resolutionMinutes'] })] })
    await savePolicy(o.admin, { priority: 'low', responseMinutes: 60, resolutionMinutes: 120, businessHours: true })
    await expect(savePolicy(o.admin, { priority: 'low', responseMinutes: 30, resolutionMinutes: 60, businessHours: true }))
      .rejects.toMatchObject({ fieldErrors: { priority: [expect.stringContaining('already a policy')] } })
    await expect(saveCalendar(o.admin, { timeZone: 'Mars/Base', mode: 'business', weekly: [[], [], [], [], [], [], []], holidays: [] })).rejects.toThrow()
  })
})

describe('SLA deadlines', () => {
  it('are set at creation (24/7), with the 75 % mark; the category policy wins', async () => {
    const o = await makeOrg()
    await withPolicies(o)
    const t = await createTicket(o.requester, { title: 'x', description: 'y' })
    const row = await rowOf(o, t.number)
    expect(row.responseDueAt!.getTime() - row.createdAt.getTime()).toBe(60 * MIN)
    expect(row.responseAtRiskAt!.getTime() - row.createdAt.getTime()).toBe(45 * MIN)
    expect(row.resolutionDueAt!.getTime() - row.createdAt.getTime()).toBe(240 * MIN)
    const s = await createTicket(o.requester, { title: 'x', description: 'y', categoryId: category(o, 'Sensitive') })
    const srow = await rowOf(o, s.number)
    expect(srow.responseDueAt!.getTime() - srow.createdAt.getTime()).toBe(5 * MIN)
    const none = await createTicket(o.requester, { title: 'x', description: 'y', priority: 'low' })
    expect((await rowOf(o, none.number)).responseDueAt).toBeNull()
  })

  it('follow a priority change from the same start', async () => {
    const o = await makeOrg()
    await withPolicies(o)
    const t = await createTicket(o.requester, { title: 'x', description: 'y' })
    await updateTicket(o.agent, { number: t.number, title: 'x', description: 'y', priority: 'urgent' })
    const row = await rowOf(o, t.number)
    expect(row.responseDueAt!.getTime() - row.createdAt.getTime()).toBe(15 * MIN)
  })

  it('stop while pending and resume later by the time spent waiting', async () => {
    const o = await makeOrg()
    await withPolicies(o)
    const t = await ticketIn(o, 'in_progress')
    // The ticket was raised three hours ago…
    await o.db.execute(sql`update tickets set created_at = created_at - interval '3 hours' where organization_id = ${o.org.id} and id = ${t.id}`)
    await o.db.execute(sql`update status_history set created_at = created_at - interval '3 hours' where organization_id = ${o.org.id} and ticket_id = ${t.id}`)
    await changeStatus(o.agent, { number: t.number, to: 'pending' })
    const paused = await rowOf(o, t.number)
    expect(paused.resolutionDueAt).toBeNull()
    expect(paused.slaPausedAt).not.toBeNull()
    // …and has waited on the requester for the last hour.
    await o.db.execute(sql`update status_history set created_at = now() - interval '1 hour'
      where organization_id = ${o.org.id} and ticket_id = ${t.id} and to_status = 'pending'`)
    await changeStatus(o.agent, { number: t.number, to: 'in_progress' })
    const resumed = await rowOf(o, t.number)
    expect(resumed.slaPausedAt).toBeNull()
    const shift = resumed.resolutionDueAt!.getTime() - (resumed.createdAt.getTime() + 240 * MIN)
    expect(shift).toBeGreaterThan(59 * MIN)
    expect(shift).toBeLessThan(61 * MIN)
  })
})

describe('breach sweep', () => {
  it('records, escalates and notifies once per ticket and target, even with sweeps running at once', async () => {
    const o = await makeOrg()
    await withPolicies(o)
    const t = await ticketIn(o, 'in_progress')
    await createTicket(o.requester, { title: 'fresh', description: 'y' })
    // Time passes: the first response is overdue, the resolution only at risk.
    await o.db.update(tickets).set({
      responseDueAt: sql`now() - interval '1 minute'`, responseAtRiskAt: sql`now() - interval '5 minutes'`,
      firstResponseAt: null, resolutionAtRiskAt: sql`now() - interval '1 minute'`,
    }).where(and(eq(tickets.organizationId, o.org.id), eq(tickets.id, t.id)))
    await Promise.all([sweepSla(o.db), sweepSla(o.db), sweepSla(o.db)])
    await sweepSla(o.db)
    const events = await o.db.select().from(slaEvents).where(eq(slaEvents.organizationId, o.org.id))
    expect(events.map((e) => `${e.target}:${e.kind}`).sort()).toEqual(['resolution:at_risk', 'response:at_risk', 'response:breached'])
    expect((await rowOf(o, t.number)).escalatedAt).not.toBeNull()
    const bell = await o.db.select().from(notifications).where(and(eq(notifications.organizationId, o.org.id), sql`${notifications.event} like 'sla.%'`))
    const breachedTo = bell.filter((n) => n.event === 'sla.breached').map((n) => n.userId).sort()
    expect(breachedTo).toEqual([o.admin.user.id, o.agent.user.id].sort())
    expect(bell.filter((n) => n.event === 'sla.at_risk').map((n) => n.userId)).toEqual([o.agent.user.id, o.agent.user.id])
  })
})
