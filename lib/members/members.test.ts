import { describe, expect, it } from 'vitest'
import { and, count, eq } from 'drizzle-orm'
import { memberships } from '@/db/schema'
import { loadCtx } from '@/lib/auth/load-ctx'
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors'
import { assignTicket } from '@/lib/tickets/assign-ticket'
import { createTicket } from '@/lib/tickets/create-ticket'
import { makeOrg, uid, type TestOrg } from '@/test/factory'
import { auditCount, fieldErrorsOf, ticketIn } from '@/test/tickets'
import { addMember, changeRole, listMembers, setMemberActive } from './members'

async function activeAdmins(o: TestOrg) {
  const [row] = await o.db.select({ n: count() }).from(memberships)
    .where(and(eq(memberships.organizationId, o.org.id), eq(memberships.role, 'admin'), eq(memberships.active, true)))
  return row.n
}

async function roleOf(o: TestOrg, userId: string) {
  const [m] = await o.db.select().from(memberships).where(and(eq(memberships.organizationId, o.org.id), eq(memberships.userId, userId)))
  return m
}

describe('admin-only member management', () => {
  it('agents and requesters cannot add members, change roles or deactivate anyone', async () => {
    const o = await makeOrg()
    for (const ctx of [o.agent, o.requester]) {
      await expect(addMember(ctx, { email: `x-${uid()}@t.test`, role: 'admin' })).rejects.toBeInstanceOf(ForbiddenError)
      await expect(changeRole(ctx, { userId: ctx.user.id, role: 'admin' })).rejects.toBeInstanceOf(ForbiddenError)
      await expect(setMemberActive(ctx, { userId: o.admin.user.id, active: false })).rejects.toBeInstanceOf(ForbiddenError)
    }
    expect(await roleOf(o, o.agent.user.id)).toMatchObject({ role: 'agent', active: true })
    expect(await roleOf(o, o.requester.user.id)).toMatchObject({ role: 'requester' })
    expect(await roleOf(o, o.admin.user.id)).toMatchObject({ active: true })
  })

  it('listMembers is for staff; requesters are refused', async () => {
    const o = await makeOrg()
    expect((await listMembers(o.agent)).map((m) => m.userId)).toContain(o.requester.user.id)
    await expect(listMembers(o.requester)).rejects.toBeInstanceOf(ForbiddenError)
  })

  it('an admin adds a new person, or an existing account by email, once', async () => {
    const o = await makeOrg()
    const other = await makeOrg()
    const fresh = await addMember(o.admin, { email: `  New-${uid()}@T.test `, name: 'New Person', role: 'agent' })
    expect(fresh.email).toMatch(/^new-.*@t\.test$/)
    expect((await loadCtx(o.db, fresh.id, o.org.slug)).role).toBe('agent')
    // The other org's agent joins this org as a requester: same account, separate role.
    const existing = await addMember(o.admin, { email: other.agent.user.email.toUpperCase(), role: 'requester' })
    expect(existing.id).toBe(other.agent.user.id)
    expect((await loadCtx(o.db, existing.id, o.org.slug)).role).toBe('requester')
    expect((await loadCtx(o.db, existing.id, other.org.slug)).role).toBe('agent')
    await expect(addMember(o.admin, { email: other.agent.user.email, role: 'admin' })).rejects.toBeInstanceOf(ConflictError)
    expect(await auditCount(o, 'member.added')).toBe(1 + 4 + 2) // owner, the factory's four, these two
  })

  it('bad input names every field', async () => {
    const o = await makeOrg()
    expect(Object.keys(await fieldErrorsOf(addMember(o.admin, { email: 'nope', role: 'boss' as never, password: 'short' }))).sort())
      .toEqual(['email', 'password', 'role'])
    expect(await fieldErrorsOf(changeRole(o.admin, { userId: 'x', role: 'agent' }))).toHaveProperty('userId')
  })

  it('an admin changes roles; the new role applies on the next request', async () => {
    const o = await makeOrg()
    await changeRole(o.admin, { userId: o.agent.user.id, role: 'admin' })
    const promoted = await o.reload(o.agent)
    expect(promoted.role).toBe('admin')
    await changeRole(promoted, { userId: o.requester.user.id, role: 'agent' })
    expect((await o.reload(o.requester)).role).toBe('agent')
    expect(await auditCount(o, 'member.role_changed')).toBe(2)
  })

  it('people of another organisation are not found', async () => {
    const o = await makeOrg()
    const other = await makeOrg()
    await expect(changeRole(o.admin, { userId: other.agent.user.id, role: 'admin' })).rejects.toBeInstanceOf(NotFoundError)
    await expect(setMemberActive(o.admin, { userId: other.admin.user.id, active: false })).rejects.toBeInstanceOf(NotFoundError)
    expect(await roleOf(other, other.admin.user.id)).toMatchObject({ role: 'admin', active: true })
  })
})

describe('the last active admin', () => {
  it('cannot be demoted or deactivated, not even by themselves', async () => {
    const o = await makeOrg()
    const demote = await changeRole(o.admin, { userId: o.admin.user.id, role: 'agent' }).catch((e: unknown) => e)
    expect(demote).toBeInstanceOf(ValidationError)
    expect((demote as ValidationError).fieldErrors).toHaveProperty('role')
    await expect(setMemberActive(o.admin, { userId: o.admin.user.id, active: false })).rejects.toBeInstanceOf(ValidationError)
    expect(await roleOf(o, o.admin.user.id)).toMatchObject({ role: 'admin', active: true })
  })

  it('a deactivated admin does not count as the other admin', async () => {
    const o = await makeOrg()
    await changeRole(o.admin, { userId: o.agent.user.id, role: 'admin' })
    await setMemberActive(o.admin, { userId: o.agent.user.id, active: false })
    await expect(changeRole(o.admin, { userId: o.admin.user.id, role: 'requester' })).rejects.toBeInstanceOf(ValidationError)
    // With a second active admin it is allowed.
    await setMemberActive(o.admin, { userId: o.agent.user.id, active: true })
    await changeRole(o.admin, { userId: o.admin.user.id, role: 'requester' })
    expect(await activeAdmins(o)).toBe(1)
  })

  it('two admins demoting each other at the same moment leave one admin, never none', async () => {
    const o = await makeOrg()
    await changeRole(o.admin, { userId: o.agent.user.id, role: 'admin' })
    const second = await o.reload(o.agent)
    const results = await Promise.allSettled([
      changeRole(o.admin, { userId: second.user.id, role: 'agent' }),
      changeRole(second, { userId: o.admin.user.id, role: 'agent' }),
    ])
    expect(await activeAdmins(o)).toBe(1)
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult
    expect(refused.reason).toBeInstanceOf(ValidationError)
  })

  it('two admins deactivating each other at the same moment leave one admin, never none', async () => {
    const o = await makeOrg()
    await changeRole(o.admin, { userId: o.agent.user.id, role: 'admin' })
    const second = await o.reload(o.agent)
    await Promise.allSettled([
      setMemberActive(o.admin, { userId: second.user.id, active: false }),
      setMemberActive(second, { userId: o.admin.user.id, active: false }),
    ])
    expect(await activeAdmins(o)).toBe(1)
  })
})

describe('deactivation', () => {
  it('ends access at once: the next loadCtx is refused; reactivation restores it', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'new')
    await setMemberActive(o.admin, { userId: o.agent.user.id, active: 'false' })
    await expect(o.reload(o.agent)).rejects.toBeInstanceOf(ForbiddenError)
    expect(await auditCount(o, 'member.deactivated', o.agent.user.id)).toBe(1)
    // A deactivated agent is no longer assignable, nor a requester one can file for.
    await expect(assignTicket(o.admin, { number: t.number, assigneeId: o.agent.user.id })).rejects.toBeInstanceOf(ValidationError)
    await setMemberActive(o.admin, { userId: o.requester2.user.id, active: false })
    await expect(createTicket(o.agent2, { title: 'x', description: 'y', requesterEmail: o.requester2.user.email })).rejects.toBeInstanceOf(ValidationError)

    await setMemberActive(o.admin, { userId: o.agent.user.id, active: 'true' })
    expect((await o.reload(o.agent)).role).toBe('agent')
    expect(await auditCount(o, 'member.reactivated', o.agent.user.id)).toBe(1)
  })
})
