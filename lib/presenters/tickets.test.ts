import { describe, expect, it } from 'vitest'
import { getTicketView } from '@/lib/tickets/get-ticket'
import { makeOrg } from '@/test/factory'
import { ticketIn } from '@/test/tickets'
import { RequesterTicket, StaffTicket } from './schemas'
import { presentRequesterTicket, presentTicket, ticketEtag } from './tickets'

describe('presenters', () => {
  it('a requester gets exactly the requester shape: no staff field survives, whatever the row carries', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'open')
    const view = await getTicketView(o.requester, t.number)
    const shown = presentTicket(o.requester, view)
    expect(Object.keys(shown).sort()).toEqual(Object.keys(RequesterTicket.shape).sort())
    for (const secret of ['sensitive', 'team', 'sla', 'tags', 'requester', 'viewCount', 'slaPolicyId', 'escalatedAt', 'id']) expect(shown).not.toHaveProperty(secret)
    const staff = presentTicket(o.agent, await getTicketView(o.agent, t.number))
    expect(Object.keys(staff).sort()).toEqual(Object.keys(StaffTicket.shape).sort())
  })

  it('promises a first response only while it is ahead and unanswered', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'new')
    const view = await getTicketView(o.requester, t.number)
    const due = view.responseDueAt
    if (due) {
      expect(presentRequesterTicket(view, new Date(due.getTime() - 60_000)).respondBy).toBe(due.toISOString())
      expect(presentRequesterTicket(view, new Date(due.getTime() + 60_000)).respondBy).toBeNull()
    }
    expect(presentRequesterTicket({ ...view, firstResponseAt: new Date(), responseDueAt: new Date(Date.now() + 3_600_000) }).respondBy).toBeNull()
    expect(presentRequesterTicket({ ...view, status: 'pending', responseDueAt: new Date(Date.now() + 3_600_000) }).respondBy).toBeNull()
    expect(presentRequesterTicket({ ...view, status: 'open', firstResponseAt: null, responseDueAt: new Date(Date.now() + 3_600_000) }).respondBy).not.toBeNull()
  })

  it('the ETag changes with every field a change can touch, and only then', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'new')
    const view = await getTicketView(o.agent, t.number)
    const tag = ticketEtag(view)
    expect(ticketEtag({ ...view })).toBe(tag)
    expect(ticketEtag({ ...view, viewCount: view.viewCount + 1 } as typeof view)).toBe(tag)
    for (const change of [{ status: 'open' as const }, { priority: 'urgent' as const }, { title: 'x' }, { assigneeId: o.agent.user.id }, { sensitive: true }, { updatedAt: new Date(0) }]) {
      expect(ticketEtag({ ...view, ...change })).not.toBe(tag)
    }
  })
})
