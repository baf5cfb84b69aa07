import { describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { ForbiddenError, NotFoundError } from '@/lib/errors'
import { category, makeOrg } from '@/test/factory'
import { createTicket } from '@/lib/tickets/create-ticket'
import { clear, ticketIn } from '@/test/tickets'
import { leavePresence, listPresence, touchPresence } from '.'

describe('who else is on this ticket', () => {
  it('staff see each other viewing and typing, not themselves; leaving removes them', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'open')
    await touchPresence(o.agent, { number: t.number })
    await touchPresence(o.agent2, { number: t.number, typing: 'true' })
    expect(await listPresence(o.admin, t.number)).toEqual([
      { userId: o.agent2.user.id, name: o.agent2.user.name, typing: true },
      { userId: o.agent.user.id, name: o.agent.user.name, typing: false },
    ])
    expect((await listPresence(o.agent, t.number)).map((p) => p.userId)).toEqual([o.agent2.user.id])
    await leavePresence(o.agent2, { number: t.number })
    expect(await listPresence(o.agent, t.number)).toEqual([])
  })

  it('a heartbeat older than the expiry no longer counts', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'open')
    await touchPresence(o.agent2, { number: t.number })
    await o.db.execute(sql`update ticket_presence set seen_at = now() - interval '31 seconds' where user_id = ${o.agent2.user.id}`)
    expect(await listPresence(o.agent, t.number)).toEqual([])
  })

  it('requesters can neither announce nor see presence', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'open')
    await touchPresence(o.agent, { number: t.number })
    await expect(touchPresence(o.requester, { number: t.number })).rejects.toBeInstanceOf(ForbiddenError)
    await expect(listPresence(o.requester, t.number)).rejects.toBeInstanceOf(ForbiddenError)
  })

  it('a sensitive ticket is a 404 for an uncleared agent, and another org\'s ticket for everyone', async () => {
    const o = await makeOrg()
    const other = await makeOrg()
    const secret = await createTicket(o.requester, { title: 'HR', description: 'private', categoryId: category(o, 'Sensitive') })
    const [cleared] = await clear(o, o.agent2)
    await touchPresence(cleared, { number: secret.number })
    await expect(touchPresence(o.agent, { number: secret.number })).rejects.toBeInstanceOf(NotFoundError)
    await expect(listPresence(o.agent, secret.number)).rejects.toBeInstanceOf(NotFoundError)
    expect(await listPresence(o.admin, secret.number)).toHaveLength(1)
    // Numbers are per org: another org's admin asking for this number reaches nothing of ours.
    await expect(touchPresence(other.admin, { number: secret.number })).rejects.toBeInstanceOf(NotFoundError)
    await expect(listPresence(other.admin, secret.number)).rejects.toBeInstanceOf(NotFoundError)
  })
})
