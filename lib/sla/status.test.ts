import { TZDate } from '@date-fns/tz'
import { describe, expect, it } from 'vitest'
import { officeHours } from './calendar'
import { AT_RISK_RATIO, evaluateSlaTarget, slaStatus, slaTargetState, type SlaTargetFacts, type SlaTargetState } from './status'

const ldn = (s: string) => new Date(+new TZDate(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10), +s.slice(11, 13), +s.slice(14, 16), 'Europe/London'))
const london = officeHours('Europe/London')

describe('slaTargetState', () => {
  const due = ldn('2025-03-03 17:00')
  const facts = (f: Partial<SlaTargetFacts>): SlaTargetFacts => ({ targetMinutes: 100, elapsedMinutes: 0, due, metAt: null, ...f })
  const now = ldn('2025-03-03 12:00')

  it.each<[string, Partial<SlaTargetFacts>, Date, SlaTargetState]>([
    ['met before the deadline', { metAt: ldn('2025-03-03 16:00'), elapsedMinutes: 90 }, now, 'met'],
    ['met exactly at the deadline', { metAt: due, elapsedMinutes: 100 }, now, 'met'],
    ['met late', { metAt: ldn('2025-03-03 17:01') }, now, 'breached'],
    ['met while the clock was stopped', { metAt: ldn('2025-03-03 16:00'), due: null }, now, 'met'],
    ['paused', { due: null, elapsedMinutes: 99 }, now, 'paused'],
    ['at the deadline itself (due at, breached after)', { elapsedMinutes: 100 }, due, 'at_risk'],
    ['running after the deadline', { elapsedMinutes: 100 }, ldn('2025-03-03 17:01'), 'breached'],
    ['still overdue overnight, when the elapsed business time stands still', { elapsedMinutes: 100 }, ldn('2025-03-04 08:00'), 'breached'],
    ['at 75 %', { elapsedMinutes: 75 }, now, 'at_risk'],
    ['just under 75 %', { elapsedMinutes: 74.99 }, now, 'on_track'],
    ['fresh', { elapsedMinutes: 0 }, now, 'on_track'],
  ])('%s', (_, f, at, state) => {
    expect(slaTargetState(facts(f), at)).toBe(state)
  })

  it('takes the at-risk threshold as a parameter (default §5: 75 %)', () => {
    expect(AT_RISK_RATIO).toBe(0.75)
    expect(slaTargetState(facts({ elapsedMinutes: 79 }), now, 0.8)).toBe('on_track')
    expect(slaTargetState(facts({ elapsedMinutes: 80 }), now, 0.8)).toBe('at_risk')
  })
})

describe('slaStatus', () => {
  it.each<[SlaTargetState | null, SlaTargetState | null, ReturnType<typeof slaStatus>]>([
    ['breached', 'breached', 'breached_resolution'],
    ['met', 'breached', 'breached_resolution'],
    ['breached', 'on_track', 'breached_response'],
    ['breached', 'met', 'breached_response'],
    ['met', 'met', 'met'],
    ['met', 'paused', 'paused'],
    ['paused', 'paused', 'paused'],
    ['on_track', 'at_risk', 'at_risk'],
    ['met', 'on_track', 'on_track'],
    [null, 'at_risk', 'at_risk'],
    ['met', null, 'met'],
    [null, null, null],
  ])('response %s, resolution %s → %s', (response, resolution, status) => {
    expect(slaStatus({ response, resolution })).toBe(status)
  })
})

describe('evaluateSlaTarget', () => {
  const startedAt = ldn('2025-03-03 09:00')

  it('follows a ticket through pending, resolution and reopen', () => {
    const target = { startedAt, targetMinutes: 16 * 60, pauses: [{ from: ldn('2025-03-03 13:00'), to: ldn('2025-03-04 09:00') }], metAt: null }
    // Monday 09–13 counted, pending until Tuesday 09:00: 4 h of 16 used, due Wednesday 13:00.
    expect(evaluateSlaTarget(london, target, ldn('2025-03-04 09:00'))).toEqual({ paused: false, due: ldn('2025-03-05 13:00'), elapsedMinutes: 240, state: 'on_track' })
    // Tuesday 17:00: 12 h used = 75 %.
    expect(evaluateSlaTarget(london, target, ldn('2025-03-04 17:00')).state).toBe('at_risk')
    // Resolved Wednesday 10:00: met, and stays met however late we look.
    const resolved = { ...target, metAt: ldn('2025-03-05 10:00') }
    expect(evaluateSlaTarget(london, resolved, ldn('2025-03-20 10:00'))).toMatchObject({ state: 'met', elapsedMinutes: 13 * 60 })
    // Reopened Thursday 09:00: the clock resumes with 3 h left → due Thursday 12:00.
    const reopened = { ...target, pauses: [...target.pauses, { from: ldn('2025-03-05 10:00'), to: ldn('2025-03-06 09:00') }] }
    expect(evaluateSlaTarget(london, reopened, ldn('2025-03-06 11:00'))).toEqual({ paused: false, due: ldn('2025-03-06 12:00'), elapsedMinutes: 15 * 60, state: 'at_risk' })
    expect(evaluateSlaTarget(london, reopened, ldn('2025-03-06 12:01')).state).toBe('breached')
  })

  it('is paused while an open pause stops the clock, and met if achieved during it', () => {
    const waiting = { startedAt, targetMinutes: 60, pauses: [{ from: ldn('2025-03-03 09:30'), to: null }], metAt: null }
    expect(evaluateSlaTarget(london, waiting, ldn('2025-03-10 09:00'))).toEqual({ paused: true, due: null, remainingMinutes: 30, elapsedMinutes: 30, state: 'paused' })
    const answered = { ...waiting, metAt: ldn('2025-03-04 10:00') }
    expect(evaluateSlaTarget(london, answered, ldn('2025-03-10 09:00'))).toMatchObject({ state: 'met', elapsedMinutes: 30 })
  })
})
