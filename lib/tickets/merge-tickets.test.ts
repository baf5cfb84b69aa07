import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { attachments, comments, jobs } from '@/db/schema'
import { addComment } from '@/lib/comments/add-comment'
import { listComments } from '@/lib/comments/list-comments'
import { ForbiddenError, NotFoundError } from '@/lib/errors'
import { makeOrg, type TestOrg } from '@/test/factory'
import { auditCount, clear, fieldErrorsOf, rowOf, ticketIn } from '@/test/tickets'
import { pdf, upload } from '@/test/uploads'
import { mergedIntoNumber, mergeTickets } from './merge-tickets'

const commentsOf = async (o: TestOrg, ticketId: string) => o.db.select().from(comments)
  .where(and(eq(comments.organizationId, o.org.id), eq(comments.ticketId, ticketId)))
const filesOf = async (o: TestOrg, ticketId: string) => o.db.select().from(attachments)
  .where(and(eq(attachments.organizationId, o.org.id), eq(attachments.ticketId, ticketId)))
const mailsAbout = async (o: TestOrg, to: string, event: string) => (await o.db.select({ p: jobs.payload }).from(jobs)
  .where(and(eq(jobs.organizationId, o.org.id), eq(jobs.queue, 'email')))).map((j) => j.p).filter((p) => p.to === to && p.event === event)

describe('merging tickets', () => {
  it('moves the conversation and files, closes the duplicate with a link, tells both requesters, audits both', async () => {
    const o = await makeOrg()
    const target = await ticketIn(o, 'open')
    const dup = await ticketIn(o, 'open', { by: o.requester2 })
    await addComment(o.requester2, { number: dup.number, body: 'Still broken here too' })
    await addComment(o.agent, { number: dup.number, body: 'Looks like the same outage', internal: true })
    const file = await upload(o.requester2, 'log.pdf', pdf(), { ticketNumber: dup.number })
    await addComment(o.requester2, { number: dup.number, body: 'Log attached', attachmentIds: [file.id] })
    const before = await mailsAbout(o, o.requester.user.email, 'ticket.replied')

    expect(await mergeTickets(o.agent, { number: dup.number, into: target.number })).toMatchObject({ comments: 3, attachments: 1 })

    const src = await rowOf(o, dup.number)
    expect(src).toMatchObject({ status: 'closed', mergedIntoId: target.id })
    expect(await commentsOf(o, dup.id)).toEqual([])
    expect(await filesOf(o, dup.id)).toEqual([])
    const moved = await commentsOf(o, target.id)
    expect(moved.map((c) => c.body)).toEqual(expect.arrayContaining(['Still broken here too', 'Looks like the same outage', 'Log attached', expect.stringContaining(`Merged from #${dup.number}`)]))
    expect(moved.find((c) => c.body === 'Looks like the same outage')?.internal).toBe(true) // an internal note stays internal
    expect((await filesOf(o, target.id)).map((f) => f.id)).toContain(file.id)
    // The target's requester sees the moved public replies, never the note.
    const seen = (await listComments(o.requester, target.number)).map((c) => c.body)
    expect(seen).toContain('Still broken here too')
    expect(seen).not.toContain('Looks like the same outage')
    // Both requesters told; the merge message names no title of the other ticket.
    expect(await mailsAbout(o, o.requester2.user.email, 'ticket.status_changed')).not.toHaveLength(0)
    const told = (await mailsAbout(o, o.requester.user.email, 'ticket.replied')).slice(before.length)
    expect(told.some((m) => String(m.text).includes(`Request #${dup.number} was merged into this ticket.`))).toBe(true)
    expect(told.every((m) => !String(m.text).includes(dup.title))).toBe(true)
    expect(await auditCount(o, 'ticket.merged', dup.id)).toBe(1)
    expect(await auditCount(o, 'ticket.merged_from', target.id)).toBe(1)
    expect(await mergedIntoNumber(o.agent, src)).toBe(target.number)
    // Merged once is enough.
    expect(await fieldErrorsOf(mergeTickets(o.agent, { number: dup.number, into: target.number }))).toBeTruthy()
  })

  it('requesters may not merge; another org\'s or a hidden ticket is not found; nothing moves', async () => {
    const a = await makeOrg()
    const b = await makeOrg()
    const t1 = await ticketIn(a, 'open')
    const t2 = await ticketIn(a, 'open')
    await expect(mergeTickets(a.requester, { number: t2.number, into: t1.number })).rejects.toBeInstanceOf(ForbiddenError)
    await expect(mergeTickets(b.admin, { number: t2.number, into: t1.number })).rejects.toBeInstanceOf(NotFoundError)
    const secret = await ticketIn(a, 'new', { sensitive: true })
    await expect(mergeTickets(a.agent, { number: t2.number, into: secret.number })).rejects.toBeInstanceOf(NotFoundError)
    await expect(mergeTickets(a.agent, { number: secret.number, into: t1.number })).rejects.toBeInstanceOf(NotFoundError)
    expect((await rowOf(a, t2.number)).mergedIntoId).toBeNull()
    expect(await auditCount(a, 'ticket.merged')).toBe(0)
  })

  it('a sensitive ticket goes only into a sensitive one; closed tickets and self-merges are refused on the field', async () => {
    const o = await makeOrg()
    const [cleared] = await clear(o, o.agent2)
    const secret = await ticketIn(o, 'new', { sensitive: true })
    const secret2 = await ticketIn(o, 'new', { sensitive: true })
    const open = await ticketIn(o, 'open')
    expect((await fieldErrorsOf(mergeTickets(cleared, { number: secret.number, into: open.number }))).into?.[0]).toMatch(/only be merged into another sensitive/)
    expect((await fieldErrorsOf(mergeTickets(o.agent, { number: open.number, into: open.number }))).into).toBeTruthy()
    const closed = await ticketIn(o, 'closed')
    expect((await fieldErrorsOf(mergeTickets(o.agent, { number: open.number, into: closed.number }))).into?.[0]).toMatch(/is closed/)
    await expect(mergeTickets(cleared, { number: secret.number, into: secret2.number })).resolves.toMatchObject({ into: secret2.number })
    // An uncleared agent is never told where a merged ticket went when the target is hidden.
    const pub = await ticketIn(o, 'open')
    await mergeTickets(o.admin, { number: pub.number, into: secret2.number })
    expect(await mergedIntoNumber(o.agent, await rowOf(o, pub.number))).toBeNull()
  })
})
