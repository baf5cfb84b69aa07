import { describe, expect, it } from 'vitest'
import { and, count, eq } from 'drizzle-orm'
import { comments } from '@/db/schema'
import { ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors'
import { getTicketDetail } from '@/lib/tickets/get-ticket'
import { makeOrg, type TestOrg } from '@/test/factory'
import { auditCount, fieldErrorsOf, historyOf, rowOf, ticketIn } from '@/test/tickets'
import { addComment } from './add-comment'
import { markSolution } from './mark-solution'

async function commentCount(o: TestOrg, ticketId: string) {
  const [row] = await o.db.select({ n: count() }).from(comments).where(and(eq(comments.organizationId, o.org.id), eq(comments.ticketId, ticketId)))
  return row.n
}

describe('internal notes', () => {
  it('a requester asking for an internal note is refused outright, and nothing is stored', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'open')
    for (const internal of [true, 'on', 'true']) {
      await expect(addComment(o.requester, { number: t.number, body: 'secret?', internal: internal as never })).rejects.toBeInstanceOf(ForbiddenError)
    }
    expect(await commentCount(o, t.id)).toBe(0)
    expect(await auditCount(o, 'comment.internal_added')).toBe(0)
  })

  it('staff add internal notes; they are stored as internal and audited as such', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'open')
    const note = await addComment(o.agent2, { number: t.number, body: 'Check the logs', internal: 'on' })
    expect(note.internal).toBe(true)
    expect(await auditCount(o, 'comment.internal_added', note.id)).toBe(1)
    // An internal note is not a response to the requester.
    expect((await rowOf(o, t.number)).firstResponseAt).toBeNull()
  })

  it('an internal note can never be marked as the solution', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'in_progress')
    const note = await addComment(o.agent, { number: t.number, body: 'internal fix', internal: true })
    await expect(markSolution(o.agent, { number: t.number, commentId: note.id })).rejects.toBeInstanceOf(NotFoundError)
  })
})

describe('replies and the workflow', () => {
  it('a requester reply on a pending ticket moves it back to in_progress', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'pending')
    await addComment(o.requester, { number: t.number, body: 'Here is the info you asked for' })
    expect((await rowOf(o, t.number)).status).toBe('in_progress')
    const [last] = await historyOf(o, t.id)
    expect(last).toMatchObject({ fromStatus: 'pending', toStatus: 'in_progress', actorId: o.requester.user.id, actorRole: 'requester' })
  })

  it('a requester reply on a resolved ticket reopens it', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'resolved')
    await addComment(o.requester, { number: t.number, body: 'Still broken' })
    expect(await rowOf(o, t.number)).toMatchObject({ status: 'open', resolvedAt: null })
  })

  it('staff replies on pending and on_hold tickets do not move them', async () => {
    const o = await makeOrg()
    for (const status of ['pending', 'on_hold'] as const) {
      const t = await ticketIn(o, status)
      await addComment(o.agent, { number: t.number, body: 'Any news?' })
      expect((await rowOf(o, t.number)).status).toBe(status)
    }
    // Nor does a requester's reply on on_hold (waiting on a third party, not on them).
    const held = await ticketIn(o, 'on_hold')
    await addComment(o.requester, { number: held.number, body: 'Any news?' })
    expect((await rowOf(o, held.number)).status).toBe('on_hold')
  })

  it('the first public staff reply sets first_response_at; later replies keep it', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'new')
    await addComment(o.requester, { number: t.number, body: 'Hello?' })
    expect((await rowOf(o, t.number)).firstResponseAt).toBeNull()
    await addComment(o.agent2, { number: t.number, body: 'Looking into it' })
    const first = (await rowOf(o, t.number)).firstResponseAt
    expect(first).toBeInstanceOf(Date)
    await new Promise((r) => setTimeout(r, 5))
    await addComment(o.agent, { number: t.number, body: 'Fixed' })
    expect((await rowOf(o, t.number)).firstResponseAt).toEqual(first)
  })

  it('requesters cannot reply on closed or cancelled tickets; staff still can', async () => {
    const o = await makeOrg()
    for (const status of ['closed', 'cancelled'] as const) {
      const t = await ticketIn(o, status)
      expect(await fieldErrorsOf(addComment(o.requester, { number: t.number, body: 'hello' }))).toHaveProperty('body')
      await addComment(o.admin, { number: t.number, body: 'For the record' })
      expect(await commentCount(o, t.id)).toBe(1)
    }
  })

  it('empty and over-long bodies are refused with a field error', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'open')
    expect(await fieldErrorsOf(addComment(o.requester, { number: t.number, body: '   ' }))).toEqual({ body: ['Write a message'] })
    expect(Object.keys(await fieldErrorsOf(addComment(o.agent, { number: t.number, body: 'x'.repeat(20_001) })))).toEqual(['body'])
    expect(await commentCount(o, t.id)).toBe(0)
    await expect(addComment(o.requester, { number: t.number, body: 'x' })).resolves.toBeTruthy()
  })
})

describe('markSolution', () => {
  it('staff mark one public reply as the solution; a new choice replaces the old one', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'in_progress')
    const a = await addComment(o.agent, { number: t.number, body: 'Try restarting' })
    const b = await addComment(o.agent, { number: t.number, body: 'Replace the cable' })
    await expect(markSolution(o.requester, { number: t.number, commentId: a.id })).rejects.toBeInstanceOf(ForbiddenError)
    await markSolution(o.agent2, { number: t.number, commentId: a.id })
    await markSolution(o.agent, { number: t.number, commentId: b.id })
    const view = await getTicketDetail(o.requester, t.number)
    expect(view.conversation.filter((c) => c.isSolution).map((c) => c.id)).toEqual([b.id])
    expect(await auditCount(o, 'comment.marked_solution')).toBe(2)
  })

  it('a reply of another ticket is not found', async () => {
    const o = await makeOrg()
    const t1 = await ticketIn(o, 'open')
    const t2 = await ticketIn(o, 'open')
    const reply = await addComment(o.agent, { number: t1.number, body: 'Answer' })
    await expect(markSolution(o.agent, { number: t2.number, commentId: reply.id })).rejects.toBeInstanceOf(NotFoundError)
    expect(await fieldErrorsOf(markSolution(o.agent, { number: t2.number, commentId: 'nope' }))).toHaveProperty('commentId')
  })
})

describe('refusals are typed', () => {
  it('ValidationError, not a crash, for a reply to a closed ticket', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'closed')
    await expect(addComment(o.requester, { number: t.number, body: 'hi' })).rejects.toBeInstanceOf(ValidationError)
  })
})
