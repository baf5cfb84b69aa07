import { describe, expect, it } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { auditEvents } from '@/db/schema'
import { makeOrg } from '@/test/factory'
import { ForbiddenError } from '@/lib/errors'
import { createTicket } from '@/lib/tickets/create-ticket'
import { auditReferences } from './references'
import { verifyMyOrgChain } from './verify'

describe('verifyMyOrgChain', () => {
  it('lets an admin verify their own organisation’s chain, and reports tampering', async () => {
    const o = await makeOrg()
    const ok = await verifyMyOrgChain(o.admin)
    expect(ok.ok).toBe(true)
    expect(ok.organizationId).toBe(o.org.id)
    expect(ok.checked).toBeGreaterThan(0)

    await o.db.update(auditEvents).set({ action: 'member.forged' })
      .where(and(eq(auditEvents.organizationId, o.org.id), eq(auditEvents.seq, 2)))
    const broken = await verifyMyOrgChain(o.admin)
    expect(broken.ok).toBe(false)
    expect(broken.brokenAt?.seq).toBe(2)
  })

  it('refuses agents and requesters', async () => {
    const o = await makeOrg()
    await expect(verifyMyOrgChain(o.agent)).rejects.toBeInstanceOf(ForbiddenError)
    await expect(verifyMyOrgChain(o.requester)).rejects.toBeInstanceOf(ForbiddenError)
  })
})

describe('auditReferences', () => {
  it('names tickets and people of the admin’s own organisation only', async () => {
    const o = await makeOrg()
    const other = await makeOrg()
    const t = await createTicket(o.requester, { title: 'Printer', description: 'Jams' })
    const refs = await auditReferences(o.admin, [
      { entityId: t.id, changes: { requesterId: [null, o.requester.user.id] } },
      { entityId: other.requester.user.id, changes: {} },
    ])
    expect(refs[t.id]).toBe(`#${t.number}`)
    expect(refs[o.requester.user.id]).toBe(o.requester.user.name)
    expect(refs[other.requester.user.id]).toBeUndefined()
  })

  it('refuses agents', async () => {
    const o = await makeOrg()
    await expect(auditReferences(o.agent, [])).rejects.toBeInstanceOf(ForbiddenError)
  })
})
