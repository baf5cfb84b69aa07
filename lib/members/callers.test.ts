import { describe, expect, it } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { memberships, users } from '@/db/schema'
import { ConflictError, ForbiddenError } from '@/lib/errors'
import { createTicket } from '@/lib/tickets/create-ticket'
import { makeOrg, uid } from '@/test/factory'
import { auditCount, fieldErrorsOf } from '@/test/tickets'
import { addCaller, searchCallers } from './callers'
import { setMemberActive } from './members'

// Issue 18: creating a ticket for a caller needed their exact email; now staff search this
// org's members, and add a new caller as a requester.
describe('searchCallers', () => {
  it('finds this org’s active members by name or email, any case; never another org’s, never deactivated ones', async () => {
    const o = await makeOrg()
    const other = await makeOrg()
    const byName = await searchCallers(o.agent, { q: o.requester.user.name.split(' ')[0].toUpperCase() })
    expect(byName.map((p) => p.userId)).toEqual(expect.arrayContaining([o.requester.user.id, o.requester2.user.id]))
    expect((await searchCallers(o.agent, { q: o.requester.user.email })).map((p) => p.email)).toEqual([o.requester.user.email])
    expect(await searchCallers(o.agent, { q: other.requester.user.email })).toEqual([])
    expect(await searchCallers(o.agent, { q: '%' })).toEqual([])
    await setMemberActive(o.admin, { userId: o.requester2.user.id, active: false })
    expect(await searchCallers(o.admin, { q: o.requester2.user.email })).toEqual([])
  })

  it('is for staff: a requester is refused', async () => {
    const o = await makeOrg()
    await expect(searchCallers(o.requester, { q: '' })).rejects.toBeInstanceOf(ForbiddenError)
  })
})

describe('addCaller', () => {
  it('an agent adds a new caller as a requester (audited) and logs a ticket for them at once', async () => {
    const o = await makeOrg()
    const email = `caller-${uid()}@t.test`
    const c = await addCaller(o.agent, { name: 'Carla Caller', email: email.toUpperCase(), phone: '+44 20 7946 0000' })
    expect(c).toMatchObject({ name: 'Carla Caller', email })
    const [m] = await o.db.select().from(memberships).where(and(eq(memberships.organizationId, o.org.id), eq(memberships.userId, c.userId)))
    expect(m).toMatchObject({ role: 'requester', active: true })
    expect((await o.db.select({ phone: users.phone }).from(users).where(eq(users.id, c.userId)))[0].phone).toBe('+44 20 7946 0000')
    expect(await auditCount(o, 'member.added', c.userId)).toBe(1)
    const t = await createTicket(o.agent, { title: 'Phone call', description: 'No dial tone', requesterEmail: email })
    expect(t.requesterId).toBe(c.userId)
    expect((await searchCallers(o.agent, { q: 'carla' })).map((p) => p.userId)).toEqual([c.userId])
  })

  it('validates next to the fields, refuses an existing member, and is refused to requesters', async () => {
    const o = await makeOrg()
    const before = await auditCount(o, 'member.added')
    expect(await fieldErrorsOf(addCaller(o.agent, { name: ' ', email: 'nope', phone: 'call me' }))).toEqual({
      name: ['Enter the caller’s name'], email: ['Enter a valid email address'], phone: ['Enter a phone number of digits, e.g. +44 20 7946 0000'],
    })
    await expect(addCaller(o.agent, { name: 'Again', email: o.requester.user.email })).rejects.toBeInstanceOf(ConflictError)
    expect(await fieldErrorsOf(addCaller(o.agent, { name: 'Again', email: o.requester.user.email }))).toHaveProperty('email')
    await expect(addCaller(o.requester, { name: 'Friend', email: `friend-${uid()}@t.test` })).rejects.toBeInstanceOf(ForbiddenError)
    expect(await auditCount(o, 'member.added')).toBe(before)
  })

  it('a person from another org joins this one as a requester without their other membership changing', async () => {
    const o = await makeOrg()
    const other = await makeOrg()
    const c = await addCaller(o.agent, { name: 'Whoever', email: other.agent.user.email })
    expect(c.userId).toBe(other.agent.user.id)
    const rows = await o.db.select().from(memberships).where(eq(memberships.userId, c.userId))
    expect(rows.map((r) => [r.organizationId === o.org.id ? 'here' : 'there', r.role]).sort()).toEqual([['here', 'requester'], ['there', 'agent']])
  })
})
