import { describe, expect, it } from 'vitest'
import { ValidationError } from '@/lib/errors'
import { changeStatus } from '@/lib/tickets/change-status'
import { getTicketDetail } from '@/lib/tickets/get-ticket'
import { makeOrg } from '@/test/factory'
import { auditCount, fieldErrorsOf, ticketIn } from '@/test/tickets'
import { addComment } from './add-comment'
import { markSolution } from './mark-solution'

describe('the solution (issue 18)', () => {
  it('the requester’s own reply cannot be marked as the solution; an agent’s can', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'in_progress')
    const own = await addComment(o.requester, { number: t.number, body: 'I rebooted and it works' })
    await expect(markSolution(o.agent, { number: t.number, commentId: own.id })).rejects.toBeInstanceOf(ValidationError)
    expect(await fieldErrorsOf(markSolution(o.admin, { number: t.number, commentId: own.id }))).toHaveProperty('commentId')
    expect(await auditCount(o, 'comment.marked_solution')).toBe(0)
    const answer = await addComment(o.agent, { number: t.number, body: 'Replace the cable' })
    await markSolution(o.agent, { number: t.number, commentId: answer.id })
    expect((await getTicketDetail(o.agent, t.number)).conversation.filter((c) => c.isSolution).map((c) => c.id)).toEqual([answer.id])
  })

  it('reopening a resolved ticket clears the Solution mark (requester reopen, staff reopen, admin reopen of closed)', async () => {
    const o = await makeOrg()
    for (const [status, by] of [['resolved', o.requester], ['resolved', o.agent], ['closed', o.admin]] as const) {
      const t = await ticketIn(o, 'in_progress')
      const answer = await addComment(o.agent, { number: t.number, body: 'Replace the cable' })
      await markSolution(o.agent, { number: t.number, commentId: answer.id })
      await changeStatus(o.agent, { number: t.number, to: 'resolved', note: 'Cable replaced' })
      if (status === 'closed') await changeStatus(o.admin, { number: t.number, to: 'closed' })
      expect((await getTicketDetail(o.requester, t.number)).conversation.some((c) => c.isSolution)).toBe(true)
      await changeStatus(by, { number: t.number, to: 'open', note: 'Still broken' })
      expect((await getTicketDetail(o.requester, t.number)).conversation.some((c) => c.isSolution)).toBe(false)
    }
  })

  it('a requester sees the note of their own reopen in their history; an agent’s working note stays hidden', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'resolved')
    await changeStatus(o.requester, { number: t.number, to: 'open', note: 'It broke again this morning' })
    await changeStatus(o.agent, { number: t.number, to: 'in_progress', note: 'Checking the switch logs' })
    const notes = (await getTicketDetail(o.requester, t.number)).timeline.map((e) => e.note).filter(Boolean)
    expect(notes).toContain('It broke again this morning')
    expect(notes).not.toContain('Checking the switch logs')
  })
})
