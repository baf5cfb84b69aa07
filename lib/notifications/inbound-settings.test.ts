import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditEvents, organizations } from '@/db/schema'
import { loadCtx } from '@/lib/auth/load-ctx'
import { ForbiddenError, NotMemberError } from '@/lib/errors'
import { makeOrg, type TestOrg } from '@/test/factory'
import { auditCount, fieldErrorsOf } from '@/test/tickets'
import { getInboundSettings, saveInboundSettings } from './inbound-settings'

const settingsOf = async (o: TestOrg) => (await o.db.select({ s: organizations.settings }).from(organizations).where(eq(organizations.id, o.org.id)))[0].s

describe('the inbound email settings (settings → notifications → Email)', () => {
  it('shows the org’s address and its policy; refuses strangers by default', async () => {
    const o = await makeOrg()
    const s = await getInboundSettings(o.admin)
    expect(s.address).toBe(`${o.org.slug}@${(process.env.INBOUND_DOMAIN ?? 'helpdesk.localhost').toLowerCase()}`)
    expect(s.replyAddress).toBe(s.address.replace('@', '+<ticket number>@'))
    expect(s.unknownSenders).toBe('refuse')
  })

  it('an admin changes the policy, audited; the change reaches what receive-mail reads', async () => {
    const o = await makeOrg()
    expect(await saveInboundSettings(o.admin, { unknownSenders: 'create_requester' })).toEqual({ changed: true })
    expect((await settingsOf(o)).inboundUnknownSenders).toBe('create_requester')
    expect((await settingsOf(o)).timezone).toBe('UTC') // the merge keeps the other settings
    expect((await getInboundSettings(o.admin)).unknownSenders).toBe('create_requester')
    const [audit] = await o.db.select().from(auditEvents).where(and(eq(auditEvents.organizationId, o.org.id), eq(auditEvents.action, 'inbound_setting.updated')))
    expect(audit).toMatchObject({ organizationId: o.org.id, entityId: o.org.id, actorId: o.admin.user.id, changes: { unknownSenders: ['refuse', 'create_requester'] } })
    // Saving the same value again changes and records nothing.
    expect(await saveInboundSettings(o.admin, { unknownSenders: 'create_requester' })).toEqual({ changed: false })
    expect(await auditCount(o, 'inbound_setting.updated')).toBe(1)
  })

  it('agents and requesters may neither read nor change it, and nothing is written', async () => {
    const o = await makeOrg()
    for (const ctx of [o.agent, o.requester]) {
      await expect(getInboundSettings(ctx)).rejects.toBeInstanceOf(ForbiddenError)
      await expect(saveInboundSettings(ctx, { unknownSenders: 'create_requester' })).rejects.toBeInstanceOf(ForbiddenError)
    }
    expect((await settingsOf(o)).inboundUnknownSenders).toBeUndefined()
    expect(await auditCount(o, 'inbound_setting.updated')).toBe(0)
  })

  it('another org’s admin cannot reach this org’s setting; each org keeps its own', async () => {
    const a = await makeOrg()
    const b = await makeOrg()
    // A ctx is only ever built for an org the user belongs to (the server action builds it from the form's org).
    await expect(loadCtx(a.db, a.admin.user.id, b.org.slug)).rejects.toBeInstanceOf(NotMemberError)
    await saveInboundSettings(b.admin, { unknownSenders: 'create_requester' })
    expect((await settingsOf(a)).inboundUnknownSenders).toBeUndefined()
    expect((await getInboundSettings(a.admin)).unknownSenders).toBe('refuse')
    expect(await auditCount(a, 'inbound_setting.updated')).toBe(0)
  })

  it('refuses a policy it does not know, on the field', async () => {
    const o = await makeOrg()
    const errors = await fieldErrorsOf(saveInboundSettings(o.admin, { unknownSenders: 'accept_all' as 'refuse' }))
    expect(errors.unknownSenders?.[0]).toBe('Choose what happens to mail from strangers')
  })
})
