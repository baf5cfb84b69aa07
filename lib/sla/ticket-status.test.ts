import { describe, expect, it } from 'vitest'
import { nextSlaDue, ticketSla, type TicketSlaFacts } from './ticket-status'

const now = new Date('2025-03-10T12:00:00Z')
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000)
// Opened an hour ago: response due in 30 min (at risk from now − 5), resolution in 3 h.
const base: TicketSlaFacts = {
  status: 'open', slaPolicyId: 'p', firstResponseAt: null, resolvedAt: null,
  responseDueAt: at(30), responseAtRiskAt: at(15), resolutionDueAt: at(180), resolutionAtRiskAt: at(120),
}
const sla = (patch: Partial<TicketSlaFacts>) => ticketSla({ ...base, ...patch }, now)

describe('ticketSla', () => {
  it('is null without a policy', () => {
    expect(sla({ slaPolicyId: null })).toEqual({ status: null, response: null, resolution: null, nextDue: null })
  })

  it('on track, then at risk at the 75 % mark (inclusive)', () => {
    expect(sla({})).toMatchObject({ status: 'on_track', response: 'on_track', resolution: 'on_track', nextDue: at(30) })
    expect(sla({ responseAtRiskAt: now })).toMatchObject({ status: 'at_risk', response: 'at_risk' })
    expect(sla({ firstResponseAt: at(-10), resolutionAtRiskAt: at(-1) })).toMatchObject({ status: 'at_risk', response: 'met', resolution: 'at_risk', nextDue: at(180) })
  })

  it('a response is due at its deadline: answering exactly then is in time, a minute later breaches', () => {
    expect(sla({ firstResponseAt: at(30) }).response).toBe('met')
    expect(sla({ firstResponseAt: at(31) })).toMatchObject({ response: 'breached', status: 'breached_response' })
    expect(sla({ responseDueAt: now }).response).toBe('on_track')
    expect(sla({ responseDueAt: at(-1) })).toMatchObject({ response: 'breached', status: 'breached_response' })
  })

  it('a resolution breach outranks a response breach and stays after resolving', () => {
    expect(sla({ responseDueAt: at(-60), resolutionDueAt: at(-1) }).status).toBe('breached_resolution')
    expect(sla({ status: 'resolved', firstResponseAt: at(-50), resolvedAt: at(-1), resolutionDueAt: at(-2) }))
      .toMatchObject({ status: 'breached_resolution', nextDue: null })
    // Resolved in time: the stopped clock stored no due date.
    expect(sla({ status: 'closed', firstResponseAt: at(-50), resolvedAt: at(-1), resolutionDueAt: null, resolutionAtRiskAt: null }))
      .toMatchObject({ status: 'met', response: 'met', resolution: 'met' })
  })

  it('paused while waiting: due dates stored as null', () => {
    expect(sla({ status: 'pending', responseDueAt: null, responseAtRiskAt: null, resolutionDueAt: null, resolutionAtRiskAt: null }))
      .toMatchObject({ status: 'paused', response: 'paused', resolution: 'paused', nextDue: null })
    // A breach from before the pause stands.
    expect(sla({ status: 'pending', responseDueAt: at(-5), resolutionDueAt: null, resolutionAtRiskAt: null }).status).toBe('breached_response')
  })

  it('resolved without a reply counts the response as met (nobody was waiting any more)', () => {
    expect(sla({ status: 'resolved', resolvedAt: at(-1), responseDueAt: null, resolutionDueAt: null }))
      .toMatchObject({ status: 'met', response: 'met' })
  })

  it('no next deadline for cancelled tickets', () => {
    expect(nextSlaDue({ ...base, status: 'cancelled' })).toBeNull()
  })
})
