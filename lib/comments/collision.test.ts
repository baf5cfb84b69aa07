import { describe, expect, it } from 'vitest'
import { and, count, eq } from 'drizzle-orm'
import { comments } from '@/db/schema'
import { ConflictError } from '@/lib/errors'
import { makeOrg } from '@/test/factory'
import { ticketIn } from '@/test/tickets'
import { addComment } from './add-comment'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('sending a reply when a newer one arrived (issue 16)', () => {
  it('asks for confirmation, counting the others\' replies since the page was opened; send anyway goes through', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'open')
    const seenAt = new Date()
    await sleep(5)
    await addComment(o.requester, { number: t.number, body: 'any news?' })
    await addComment(o.agent2, { number: t.number, body: 'looking' })
    const err = await addComment(o.agent, { number: t.number, body: 'answer', seenAt }).catch((e) => e)
    expect(err).toBeInstanceOf(ConflictError)
    expect(err.message).toBe('2 new replies since you opened this ticket — send anyway?')
    const [before] = await o.db.select({ n: count() }).from(comments).where(and(eq(comments.ticketId, t.id), eq(comments.authorId, o.agent.user.id)))
    expect(before.n).toBe(0)
    const sent = await addComment(o.agent, { number: t.number, body: 'answer', seenAt, sendAnyway: 'true' })
    expect(sent.body).toBe('answer')
  })

  it('the sender\'s own replies and replies already seen do not count', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'open')
    const first = await addComment(o.requester, { number: t.number, body: 'hello' })
    await addComment(o.agent, { number: t.number, body: 'mine' })
    await expect(addComment(o.agent, { number: t.number, body: 'again', seenAt: first.createdAt.toISOString() as never })).resolves.toBeTruthy()
  })

  it('a requester is never asked about an internal note', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'open')
    const seenAt = new Date()
    await sleep(5)
    await addComment(o.agent, { number: t.number, body: 'staff only', internal: true })
    await expect(addComment(o.requester, { number: t.number, body: 'hi', seenAt })).resolves.toBeTruthy()
    // …while staff are asked about it.
    const err = await addComment(o.agent2, { number: t.number, body: 'x', seenAt }).catch((e) => e)
    expect(err).toBeInstanceOf(ConflictError)
    expect(err.message).toMatch(/^2 new replies/)
  })
})
