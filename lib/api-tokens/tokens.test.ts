import { describe, expect, it } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { apiTokens } from '@/db/schema'
import { authorize, can } from '@/lib/authz/can'
import { ForbiddenError, NotFoundError, UnauthorizedError, ValidationError } from '@/lib/errors'
import { changeRole, setMemberActive } from '@/lib/members/members'
import { makeOrg } from '@/test/factory'
import { auditCount, fieldErrorsOf } from '@/test/tickets'
import { createApiToken, listApiTokens, revokeApiToken, tokenCtx } from './tokens'
import { hashSecret } from './secret'

describe('API tokens', () => {
  it('an admin creates a token whose secret is shown once and stored only as a hash', async () => {
    const o = await makeOrg()
    const t = await createApiToken(o.admin, { name: 'Monitoring', ownerEmail: o.agent.user.email, scopes: ['ticket:read', 'ticket:work'], expiresInDays: '30' })
    expect(t.secret).toMatch(/^hd_[\w-]{43}$/)
    const [row] = await o.db.select().from(apiTokens).where(and(eq(apiTokens.organizationId, o.org.id), eq(apiTokens.id, t.id)))
    expect(row.secretHash).toBe(hashSecret(t.secret))
    expect(JSON.stringify(row)).not.toContain(t.secret)
    const listed = await listApiTokens(o.admin)
    expect(listed).toHaveLength(1)
    expect(listed[0]).toMatchObject({ name: 'Monitoring', prefix: t.secret.slice(0, 9), owner: { id: o.agent.user.id }, createdBy: o.admin.user.name })
    expect(JSON.stringify(listed)).not.toContain(t.secret)
    expect(await auditCount(o, 'api_token.created', t.id)).toBe(1)
  })

  it('agents and requesters cannot create, list or revoke tokens', async () => {
    const o = await makeOrg()
    const t = await createApiToken(o.admin, { name: 'X', ownerEmail: o.agent.user.email, scopes: ['ticket:read'] })
    for (const ctx of [o.agent, o.requester]) {
      await expect(createApiToken(ctx, { name: 'Mine', ownerEmail: ctx.user.email, scopes: ['ticket:read'] })).rejects.toBeInstanceOf(ForbiddenError)
      await expect(listApiTokens(ctx)).rejects.toBeInstanceOf(ForbiddenError)
      await expect(revokeApiToken(ctx, { id: t.id })).rejects.toBeInstanceOf(ForbiddenError)
    }
  })

  it('scopes never exceed the owner role, and the owner must be an active member of this org', async () => {
    const o = await makeOrg()
    const other = await makeOrg()
    expect((await fieldErrorsOf(createApiToken(o.admin, { name: 'Too much', ownerEmail: o.requester.user.email, scopes: ['ticket:read', 'ticket:assign'] }))).scopes?.[0])
      .toMatch(/requester.*ticket:assign/)
    expect((await fieldErrorsOf(createApiToken(o.admin, { name: 'Stranger', ownerEmail: other.agent.user.email, scopes: ['ticket:read'] }))).ownerEmail).toBeDefined()
    await expect(createApiToken(o.admin, { name: 'None', ownerEmail: o.agent.user.email, scopes: [] })).rejects.toThrow()
    await expect(createApiToken(o.admin, { name: 'Bogus', ownerEmail: o.agent.user.email, scopes: ['root' as never] })).rejects.toThrow()
    await setMemberActive(o.admin, { userId: o.agent2.user.id, active: false })
    await expect(createApiToken(o.admin, { name: 'Gone', ownerEmail: o.agent2.user.email, scopes: ['ticket:read'] })).rejects.toBeInstanceOf(ValidationError)
  })

  it('a token acts as its owner, narrowed to its scopes', async () => {
    const o = await makeOrg()
    const t = await createApiToken(o.admin, { name: 'Read only', ownerEmail: o.agent.user.email, scopes: ['ticket:read'] })
    const ctx = await tokenCtx(o.db, o.org.slug, t.secret, '203.0.113.9')
    expect(ctx.actor).toMatchObject({ kind: 'apiToken', tokenId: t.id, userId: o.agent.user.id })
    expect(ctx.user.id).toBe(o.agent.user.id)
    expect(ctx.ip).toBe('203.0.113.9')
    expect(can(ctx, 'ticket:read')).toBe(true)
    expect(() => authorize(ctx, 'ticket:assign')).toThrow(ForbiddenError)
    expect(can(o.agent, 'ticket:assign')).toBe(true)
    const [row] = await o.db.select().from(apiTokens).where(eq(apiTokens.id, t.id))
    expect(row.lastUsedAt).toBeInstanceOf(Date)
  })

  it('demoting the owner demotes the token at once; deactivating stops it', async () => {
    const o = await makeOrg()
    const t = await createApiToken(o.admin, { name: 'Worker', ownerEmail: o.agent.user.email, scopes: ['ticket:read', 'ticket:assign'] })
    expect(can(await tokenCtx(o.db, o.org.slug, t.secret, null), 'ticket:assign')).toBe(true)
    await changeRole(o.admin, { userId: o.agent.user.id, role: 'requester' })
    const demoted = await tokenCtx(o.db, o.org.slug, t.secret, null)
    expect(demoted.role).toBe('requester')
    expect(can(demoted, 'ticket:assign')).toBe(false)
    expect(can(demoted, 'ticket:read')).toBe(true)
    await setMemberActive(o.admin, { userId: o.agent.user.id, active: false })
    await expect(tokenCtx(o.db, o.org.slug, t.secret, null)).rejects.toBeInstanceOf(UnauthorizedError)
  })

  it('revoked, expired, wrong-org and made-up tokens all answer the same 401', async () => {
    const o = await makeOrg()
    const other = await makeOrg()
    const t = await createApiToken(o.admin, { name: 'Short', ownerEmail: o.agent.user.email, scopes: ['ticket:read'] })
    const messages: string[] = []
    const refused = async (slug: string, secret: string) => {
      const err = await tokenCtx(o.db, slug, secret, null).then(() => null, (e) => e)
      expect(err).toBeInstanceOf(UnauthorizedError)
      messages.push(err.message)
    }
    await refused(other.org.slug, t.secret)
    await refused(o.org.slug, t.secret.slice(0, -1) + (t.secret.endsWith('A') ? 'B' : 'A'))
    await refused(o.org.slug, 'not a token')
    await revokeApiToken(o.admin, { id: t.id })
    await refused(o.org.slug, t.secret)
    expect(await auditCount(o, 'api_token.revoked', t.id)).toBe(1)
    await expect(revokeApiToken(o.admin, { id: t.id })).rejects.toBeInstanceOf(NotFoundError)

    const e = await createApiToken(o.admin, { name: 'Expiring', ownerEmail: o.agent.user.email, scopes: ['ticket:read'] })
    await tokenCtx(o.db, o.org.slug, e.secret, null)
    await o.db.update(apiTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(apiTokens.id, e.id))
    await refused(o.org.slug, e.secret)
    expect(new Set(messages).size).toBe(1)
  })

  it("another org's admin cannot revoke or see this org's tokens", async () => {
    const o = await makeOrg()
    const other = await makeOrg()
    const t = await createApiToken(o.admin, { name: 'Mine', ownerEmail: o.agent.user.email, scopes: ['ticket:read'] })
    await expect(revokeApiToken(other.admin, { id: t.id })).rejects.toBeInstanceOf(NotFoundError)
    expect(await listApiTokens(other.admin)).toEqual([])
    expect(await tokenCtx(o.db, o.org.slug, t.secret, null)).toBeTruthy()
  })
})
