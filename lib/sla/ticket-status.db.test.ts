import { and, asc, eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { tickets } from '@/db/schema'
import { makeOrg } from '@/test/factory'
import { ticketIn } from '@/test/tickets'
import { createTicket } from '@/lib/tickets/create-ticket'
import { countTickets, listTickets } from '@/lib/tickets/list-tickets'
import { savePolicy } from './policies'
import { responseStateSql, resolutionStateSql, slaDueSql, slaStatusSql } from './status-sql'
import { ticketSla } from './ticket-status'

describe('slaStatusSql and ticketSla', () => {
  it('agree on tickets in every state', async () => {
    const o = await makeOrg()
    await savePolicy(o.admin, { priority: 'normal', responseMinutes: 60, resolutionMinutes: 240, businessHours: false })
    const shift = async (number: number, set: Record<string, ReturnType<typeof sql>>) =>
      o.db.update(tickets).set(set).where(and(eq(tickets.organizationId, o.org.id), eq(tickets.number, number)))
    const expected = new Map<number, string | null>()
    const make = async (status: Parameters<typeof ticketIn>[1], want: string | null, set?: Record<string, ReturnType<typeof sql>>) => {
      const t = await ticketIn(o, status)
      if (set) await shift(t.number, set)
      expected.set(t.number, want)
    }
    await make('new', 'on_track')
    await make('new', 'at_risk', { responseAtRiskAt: sql`now() - interval '1 minute'` })
    await make('open', 'breached_response', { responseDueAt: sql`now() - interval '1 minute'` })
    await make('in_progress', 'at_risk', { resolutionAtRiskAt: sql`now() - interval '1 minute'` })
    await make('in_progress', 'breached_resolution', { resolutionDueAt: sql`now() - interval '1 minute'` })
    await make('in_progress', 'breached_response', { firstResponseAt: sql`response_due_at + interval '1 minute'` })
    await make('pending', 'paused')
    await make('resolved', 'met')
    await make('closed', 'met')
    await make('resolved', 'breached_resolution', { resolutionDueAt: sql`resolved_at - interval '1 minute'` })
    await make('cancelled', null)
    const low = await createTicket(o.requester, { title: 'no policy', description: 'x', priority: 'low' })
    expected.set(low.number, null)

    const rows = await o.db.select({ t: tickets, status: slaStatusSql, response: responseStateSql, resolution: resolutionStateSql, due: slaDueSql })
      .from(tickets).where(eq(tickets.organizationId, o.org.id)).orderBy(asc(tickets.number))
    const now = new Date()
    const fromSql = rows.map((r) => ({ n: r.t.number, status: r.status, response: r.response, resolution: r.resolution, due: r.due?.getTime() ?? null }))
    const fromTs = rows.map((r) => {
      const s = ticketSla(r.t, now)
      return { n: r.t.number, status: s.status, response: s.response, resolution: s.resolution, due: s.nextDue?.getTime() ?? null }
    })
    expect(fromSql).toEqual(fromTs)
    expect(Object.fromEntries(fromSql.map((r) => [r.n, r.status]))).toEqual(Object.fromEntries(expected))

    // The list filters on the same expression, and by default puts what breaches first on top.
    expect(await countTickets(o.admin, { sla: 'breached_response,breached_resolution' })).toBe(4)
    expect(await countTickets(o.admin, { sla: 'at_risk' })).toBe(2)
    const queue = (await listTickets(o.admin, {})).rows
    expect(queue[0].slaStatus).toMatch(/^breached/)
    expect(queue.at(-1)!.slaDue).toBeNull()
  })
})
