import { describe, expect, it } from 'vitest'
import { and, desc, eq } from 'drizzle-orm'
import { auditEvents } from '@/db/schema'
import { ForbiddenError, NotFoundError } from '@/lib/errors'
import { makeOrg } from '@/test/factory'
import { auditCount, clear, makeTeam, rowOf, ticketIn } from '@/test/tickets'
import { getTicketDetail } from './get-ticket'
import { updateTicket } from './update-ticket'

// §6: flagging restricts at once; only an admin may lift it, and that is on the record.

describe('the sensitive flag', () => {
  it('only an admin unflags, and the audit log records who did it, old → new', async () => {
    const o = await makeOrg()
    await makeTeam(o, { restricted: true, members: [o.agent2] })
    const cleared = await o.reload(o.agent2)
    const t = await ticketIn(o, 'new', { sensitive: true })
    const edit = { number: t.number, title: t.title, description: t.description, priority: t.priority, categoryId: t.categoryId! }
    // Refused for a cleared agent: nothing changes, nothing is written but the views.
    const before = await auditCount(o, 'ticket.updated', t.id)
    await expect(updateTicket(cleared, { ...edit, sensitive: false })).rejects.toBeInstanceOf(ForbiddenError)
    // An uncleared agent cannot even find it.
    await expect(updateTicket(o.agent, { ...edit, sensitive: false })).rejects.toBeInstanceOf(NotFoundError)
    expect((await rowOf(o, t.number)).sensitive).toBe(true)
    expect(await auditCount(o, 'ticket.updated', t.id)).toBe(before)

    await updateTicket(o.admin, { ...edit, sensitive: false })
    expect((await rowOf(o, t.number)).sensitive).toBe(false)
    const [last] = await o.db.select().from(auditEvents)
      .where(and(eq(auditEvents.organizationId, o.org.id), eq(auditEvents.entityId, t.id), eq(auditEvents.action, 'ticket.updated')))
      .orderBy(desc(auditEvents.seq)).limit(1)
    expect(last).toMatchObject({ actorId: o.admin.user.id, actorRole: 'admin', changes: { sensitive: [true, false] } })
    // Now an ordinary ticket: visible to the uncleared agent, and their views are not audited.
    await getTicketDetail(o.agent, t.number)
    expect(await auditCount(o, 'ticket.viewed', t.id)).toBe(0)
    await getTicketDetail(cleared, t.number)
    expect(await auditCount(o, 'ticket.viewed', t.id)).toBe(0)
  })

  it('every staff view of a sensitive ticket is audited, including the cleared assignee’s; the requester’s are not', async () => {
    const o = await makeOrg()
    const [cleared] = await clear(o, o.agent2)
    const t = await ticketIn(o, 'open', { sensitive: true, assignee: cleared })
    await getTicketDetail(cleared, t.number)
    await getTicketDetail(o.admin, t.number)
    await getTicketDetail(o.requester, t.number)
    expect(await auditCount(o, 'ticket.viewed', t.id)).toBe(2)
  })
})
