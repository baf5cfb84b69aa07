import { describe, expect, it } from 'vitest'
import { addComment } from '@/lib/comments/add-comment'
import { makeOrg } from '@/test/factory'
import { ticketIn } from '@/test/tickets'
import { getTicketDetail } from './get-ticket'
import { updateTicket } from './update-ticket'

describe('ticket timeline (issue 18)', () => {
  it('an edit shows old → new for each field, with category names', async () => {
    const o = await makeOrg({ categories: [{ name: 'General' }, { name: 'Billing' }, { name: 'Sensitive', sensitive: true }] })
    const t = await ticketIn(o, 'open')
    const billing = o.categories.find((c) => c.name === 'Billing')!.id
    await updateTicket(o.agent, { number: t.number, title: t.title, description: t.description, priority: 'urgent', categoryId: billing })
    const edits = (await getTicketDetail(o.agent, t.number)).timeline.filter((e) => e.kind === 'edit').map((e) => e.text)
    expect(edits).toEqual(['changed priority Normal → Urgent; changed category General → Billing'])
  })

  it('replies are on the timeline: public ones for the requester, internal notes for staff only', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'in_progress')
    await addComment(o.agent, { number: t.number, body: 'We are on it' })
    await addComment(o.agent, { number: t.number, body: 'SECRET note', internal: true })
    const staff = (await getTicketDetail(o.agent2, t.number)).timeline.filter((e) => e.kind === 'comment')
    expect(staff.map((e) => `${e.actor} ${e.text}`)).toEqual([`${o.agent.user.name} replied`, `${o.agent.user.name} added an internal note`])
    const mine = (await getTicketDetail(o.requester, t.number)).timeline
    expect(mine.filter((e) => e.kind === 'comment').map((e) => e.text)).toEqual(['replied'])
    expect(JSON.stringify(mine)).not.toContain('internal')
  })
})
