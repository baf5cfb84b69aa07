import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { csatSurveys, jobs } from '@/db/schema'
import { ConflictError, ForbiddenError, NotFoundError } from '@/lib/errors'
import { changeStatus } from '@/lib/tickets/change-status'
import { makeOrg, type TestOrg } from '@/test/factory'
import { auditCount, clear, makeTeam, ticketIn } from '@/test/tickets'
import { assignTicket } from '@/lib/tickets/assign-ticket'
import { answerSurvey, answerSurveyInPortal, pendingSurvey, surveyByToken } from './answer'
import { csatSummary, ticketCsat } from './queries'
import { surveyToken, verifySurveyToken } from './token'

const surveyMail = async (o: TestOrg, to: string) => (await o.db.select({ p: jobs.payload }).from(jobs)
  .where(and(eq(jobs.organizationId, o.org.id), eq(jobs.queue, 'email')))).map((j) => j.p).filter((p) => p.to === to && p.event === 'csat.survey')
const tokenIn = (text: string) => /\/csat\/([^?\s]+)\?rating=good/.exec(text)![1]
const range = { from: new Date(Date.now() - 86_400_000), to: new Date(Date.now() + 86_400_000) }

describe('satisfaction surveys', () => {
  it('resolving sends the requester a signed one-time link; the answer shows on the ticket and is audited', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'resolved')
    const [mail] = await surveyMail(o, o.requester.user.email)
    expect(mail).toBeDefined()
    expect(String(mail.text)).toContain(`How did we do on request #${t.number}?`)
    const token = tokenIn(String(mail.text))
    expect(await surveyByToken(token)).toMatchObject({ number: t.number, answeredAt: null })
    await answerSurvey({ token, rating: 'bad', comment: 'Took three days' })
    await expect(answerSurvey({ token, rating: 'good' })).rejects.toBeInstanceOf(ConflictError) // once
    expect(await ticketCsat(o.agent, t.number)).toEqual([expect.objectContaining({ rating: 'bad', comment: 'Took three days' })])
    expect(await auditCount(o, 'csat.answered', t.id)).toBe(1)
    expect(await pendingSurvey(o.requester, t.number)).toBeNull()
  })

  it('a forged or altered link is refused and changes nothing', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'resolved')
    const token = tokenIn(String((await surveyMail(o, o.requester.user.email))[0].text))
    const [id] = token.split('.')
    for (const bad of [`${id}.AAAA`, `${id}`, 'nonsense', surveyToken('00000000-0000-4000-8000-000000000000')]) {
      await expect(answerSurvey({ token: bad, rating: 'good' })).rejects.toBeInstanceOf(NotFoundError)
    }
    expect(verifySurveyToken(token)).toBe(id)
    const [row] = await o.db.select().from(csatSurveys).where(and(eq(csatSurveys.organizationId, o.org.id), eq(csatSurveys.id, id)))
    expect(row.answeredAt).toBeNull()
    expect(t.number).toBeGreaterThan(0)
  })

  it('in the portal only the ticket\'s requester answers; others are told nothing', async () => {
    const o = await makeOrg()
    const t = await ticketIn(o, 'resolved')
    expect(await pendingSurvey(o.requester, t.number)).not.toBeNull()
    await expect(answerSurveyInPortal(o.requester2, { number: t.number, rating: 'good' })).rejects.toBeInstanceOf(NotFoundError)
    await expect(answerSurveyInPortal(o.agent, { number: t.number, rating: 'good' })).rejects.toBeInstanceOf(NotFoundError)
    await answerSurveyInPortal(o.requester, { number: t.number, rating: 'good', comment: '' })
    await expect(answerSurveyInPortal(o.requester, { number: t.number, rating: 'bad' })).rejects.toBeInstanceOf(ConflictError)
    await expect(ticketCsat(o.requester, t.number)).rejects.toBeInstanceOf(ForbiddenError)
  })

  it('per-agent and per-team results; another org and uncleared viewers never count hidden tickets', async () => {
    const o = await makeOrg()
    const b = await makeOrg()
    const team = await makeTeam(o, { members: [o.agent] })
    const t1 = await ticketIn(o, 'in_progress')
    await assignTicket(o.admin, { number: t1.number, assigneeId: o.agent.user.id, teamId: team.id })
    await changeStatus(o.agent, { number: t1.number, to: 'resolved', note: 'Done' })
    const t2 = await ticketIn(o, 'resolved')
    await answerSurveyInPortal(o.requester, { number: t1.number, rating: 'good' })
    await answerSurveyInPortal(o.requester, { number: t2.number, rating: 'bad' })
    const s = await csatSummary(o.admin, range)
    expect(s.total).toMatchObject({ answered: 2, good: 1, score: 0.5 })
    expect(s.byAgent).toEqual([expect.objectContaining({ agentId: o.agent.user.id, answered: 2, good: 1 })])
    expect(s.byTeam).toEqual(expect.arrayContaining([expect.objectContaining({ teamId: team.id, name: team.name, answered: 1, good: 1 })]))
    expect((await csatSummary(b.admin, range)).total).toMatchObject({ answered: 0 })
    await expect(csatSummary(o.agent, range)).rejects.toBeInstanceOf(ForbiddenError)
    // A sensitive ticket's answer counts for admins, never toward an uncleared reader's view.
    const [liaison] = await clear(o, o.agent2)
    const secret = await ticketIn(o, 'resolved', { sensitive: true, assignee: liaison })
    await answerSurveyInPortal(o.requester, { number: secret.number, rating: 'good' })
    expect((await csatSummary(o.admin, range)).total.answered).toBe(3)
    await expect(ticketCsat(o.agent, secret.number)).resolves.toEqual([])
  })
})

describe('CSAT on the dashboard (§12)', () => {
  it('admins see the share of good answers given in the range, for the org or one team; agents see none', async () => {
    const { getDashboard } = await import('@/lib/insight')
    const o = await makeOrg()
    const team = await makeTeam(o, { members: [o.agent] })
    const t1 = await ticketIn(o, 'in_progress')
    await assignTicket(o.admin, { number: t1.number, assigneeId: o.agent.user.id, teamId: team.id })
    await changeStatus(o.agent, { number: t1.number, to: 'resolved', note: 'Done' })
    const t2 = await ticketIn(o, 'resolved')
    const t3 = await ticketIn(o, 'resolved')
    const empty = await getDashboard(o.admin, {}, { timeZone: 'Europe/London' })
    expect(empty.csat).toEqual({ responses: 0, good: 0, percent: null })
    await answerSurveyInPortal(o.requester, { number: t1.number, rating: 'good' })
    await answerSurveyInPortal(o.requester, { number: t2.number, rating: 'good' })
    await answerSurveyInPortal(o.requester, { number: t3.number, rating: 'bad' })
    expect((await getDashboard(o.admin, {}, { timeZone: 'Pacific/Auckland' })).csat).toEqual({ responses: 3, good: 2, percent: 67 })
    expect((await getDashboard(o.admin, { team: team.id }, { timeZone: 'Europe/London' })).csat).toEqual({ responses: 1, good: 1, percent: 100 })
    // A range that ended before today holds none of today's answers.
    expect((await getDashboard(o.admin, { from: '2026-01-01', to: '2026-01-31' }, { timeZone: 'Europe/London' })).csat).toMatchObject({ responses: 0 })
    expect((await getDashboard(o.agent, {}, { timeZone: 'Europe/London' })).csat).toBeNull()
  })
})
