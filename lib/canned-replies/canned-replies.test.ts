import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { cannedReplies } from '@/db/schema'
import { ForbiddenError, NotFoundError } from '@/lib/errors'
import { makeOrg, type TestOrg } from '@/test/factory'
import { auditCount, fieldErrorsOf, ticketIn } from '@/test/tickets'
import { createCannedReply, deleteCannedReply, updateCannedReply } from './manage'
import { fillCannedReply, listCannedReplies } from './queries'

const row = async (o: TestOrg, id: string) =>
  (await o.db.select().from(cannedReplies).where(and(eq(cannedReplies.organizationId, o.org.id), eq(cannedReplies.id, id))))[0]
const titles = async (ctx: Parameters<typeof listCannedReplies>[0], q = '') => (await listCannedReplies(ctx, { q })).map((r) => r.title)

describe('canned replies', () => {
  it('an admin manages shared replies, every agent sees them; each change is audited', async () => {
    const o = await makeOrg()
    const r = await createCannedReply(o.admin, { title: 'Password reset', body: 'Hi {{requester.name}}, reset it at https://id.example.', shared: true })
    expect(r.ownerId).toBeNull()
    expect(await titles(o.agent)).toEqual(['Password reset'])
    await updateCannedReply(o.admin, { id: r.id, title: 'Password reset (self-service)', body: r.body })
    await deleteCannedReply(o.admin, { id: r.id })
    expect(await row(o, r.id)).toBeUndefined()
    for (const a of ['canned_reply.created', 'canned_reply.updated', 'canned_reply.deleted']) expect(await auditCount(o, a, r.id), a).toBe(1)
  })

  it('an agent keeps personal replies no one else sees or changes, and cannot change shared ones', async () => {
    const o = await makeOrg()
    const shared = await createCannedReply(o.admin, { title: 'Shared', body: 'Hello', shared: true })
    await expect(createCannedReply(o.agent, { title: 'Mine shared', body: 'x', shared: true })).rejects.toBeInstanceOf(ForbiddenError)
    await expect(updateCannedReply(o.agent, { id: shared.id, title: 'Hacked', body: 'x' })).rejects.toBeInstanceOf(ForbiddenError)
    await expect(deleteCannedReply(o.agent, { id: shared.id })).rejects.toBeInstanceOf(ForbiddenError)
    const mine = await createCannedReply(o.agent, { title: 'Mine', body: 'On my way, {{requester.name}}' })
    expect(mine.ownerId).toBe(o.agent.user.id)
    expect(await titles(o.agent)).toEqual(['Shared', 'Mine']) // shared first
    expect(await titles(o.agent2)).toEqual(['Shared'])
    expect(await titles(o.admin)).toEqual(['Shared']) // personal means personal, even for admins
    for (const ctx of [o.agent2, o.admin]) {
      await expect(updateCannedReply(ctx, { id: mine.id, title: 'x', body: 'y' })).rejects.toBeInstanceOf(NotFoundError)
      await expect(deleteCannedReply(ctx, { id: mine.id })).rejects.toBeInstanceOf(NotFoundError)
    }
    await updateCannedReply(o.agent, { id: mine.id, title: 'Mine, edited', body: 'On my way' })
    expect(await row(o, mine.id)).toMatchObject({ title: 'Mine, edited', body: 'On my way' })
    expect(await row(o, shared.id)).toMatchObject({ title: 'Shared' })
  })

  it('requesters and another organisation are refused', async () => {
    const a = await makeOrg()
    const b = await makeOrg()
    const r = await createCannedReply(a.admin, { title: 'Shared', body: 'Hello', shared: true })
    await expect(createCannedReply(a.requester, { title: 'x', body: 'y' })).rejects.toBeInstanceOf(ForbiddenError)
    await expect(listCannedReplies(a.requester)).rejects.toBeInstanceOf(ForbiddenError)
    await expect(fillCannedReply(a.requester, { id: r.id, number: 1 })).rejects.toBeInstanceOf(ForbiddenError)
    expect(await titles(b.admin)).toEqual([])
    await expect(updateCannedReply(b.admin, { id: r.id, title: 'x', body: 'y' })).rejects.toBeInstanceOf(NotFoundError)
    await expect(deleteCannedReply(b.admin, { id: r.id })).rejects.toBeInstanceOf(NotFoundError)
    const t = await ticketIn(b, 'new')
    await expect(fillCannedReply(b.admin, { id: r.id, number: t.number })).rejects.toBeInstanceOf(NotFoundError)
  })

  it('unknown placeholders are refused with a field error; the known ones fill from the ticket and the agent', async () => {
    const o = await makeOrg()
    const errs = await fieldErrorsOf(createCannedReply(o.agent, { title: 'Bad', body: 'Hi {{requester.nmae}} {{ticket.internal_note}}' }))
    expect(errs.body?.[0]).toMatch(/Unknown placeholders \{\{requester\.nmae\}\}, \{\{ticket\.internal_note\}\}/)
    const r = await createCannedReply(o.agent, { title: 'Ack', body: 'Hello {{requester.name}}, #{{ticket.number}} ({{ticket.title}}) is {{ticket.status}}. — {{agent.name}}, {{org.name}}' })
    const errs2 = await fieldErrorsOf(updateCannedReply(o.agent, { id: r.id, title: 'Ack', body: '{{foo}}' }))
    expect(errs2).toHaveProperty('body')
    const t = await ticketIn(o, 'open')
    const { text } = await fillCannedReply(o.agent, { id: r.id, number: t.number })
    expect(text).toBe(`Hello ${o.requester.user.name}, #${t.number} (${t.title}) is Open. — ${o.agent.user.name}, ${o.org.name}`)
  })

  it('search matches title or body, and wildcards are literal', async () => {
    const o = await makeOrg()
    await createCannedReply(o.admin, { title: 'VPN help', body: 'Reinstall the client', shared: true })
    await createCannedReply(o.admin, { title: 'Printer', body: 'Use tray 2 for 100% paper', shared: true })
    expect(await titles(o.agent, 'vpn')).toEqual(['VPN help'])
    expect(await titles(o.agent, 'TRAY')).toEqual(['Printer'])
    expect(await titles(o.agent, '100%')).toEqual(['Printer'])
    expect(await titles(o.agent, '%')).toEqual(['Printer'])
  })

  it('a sensitive ticket an agent may not see cannot be filled into, and nothing of it leaks', async () => {
    const o = await makeOrg()
    const r = await createCannedReply(o.agent, { title: 'Ack', body: 'About {{ticket.title}}' })
    const t = await ticketIn(o, 'new', { sensitive: true })
    await expect(fillCannedReply(o.agent, { id: r.id, number: t.number })).rejects.toBeInstanceOf(NotFoundError)
    const admin = await createCannedReply(o.admin, { title: 'Ack', body: 'About {{ticket.title}}' })
    await expect(fillCannedReply(o.admin, { id: admin.id, number: t.number })).resolves.toEqual({ text: `About ${t.title}` })
  })
})
