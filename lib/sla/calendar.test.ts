import { describe, expect, it } from 'vitest'
import { CalendarSchema, isIsoDate, minuteOfDay, officeHours, type Calendar } from './calendar'

const weekdays = (intervals: [string, string][]): Calendar['weekly'] => [[], intervals, intervals, intervals, intervals, intervals, []]

function issues(input: unknown) {
  const result = CalendarSchema.safeParse(input)
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
}

describe('CalendarSchema', () => {
  it('accepts office hours, a lunch break, touching intervals and a 24:00 end', () => {
    expect(issues(officeHours('Europe/London'))).toEqual([])
    expect(issues({ ...officeHours('America/New_York'), weekly: weekdays([['09:00', '12:30'], ['13:30', '17:30']]) })).toEqual([])
    expect(issues({ ...officeHours('UTC'), weekly: weekdays([['08:00', '12:00'], ['12:00', '24:00']]) })).toEqual([])
  })

  it('accepts 24/7 with no weekly hours, and rejects business mode with none', () => {
    const empty = [[], [], [], [], [], [], []]
    expect(issues({ timeZone: 'UTC', mode: '24x7', weekly: empty, holidays: [] })).toEqual([])
    expect(issues({ timeZone: 'UTC', mode: 'business', weekly: empty, holidays: [] })).toEqual([
      { path: 'weekly', message: 'Business hours need at least one open interval in the week' },
    ])
  })

  it('names overlapping hours, whatever order they were typed in', () => {
    const weekly = [[], [['13:00', '17:00'], ['09:00', '13:30']], [], [], [], [], []]
    expect(issues({ ...officeHours('UTC'), weekly })).toEqual([{ path: 'weekly.1.1', message: 'Monday: 09:00–13:30 overlaps 13:00–17:00' }])
  })

  it('refuses an end at or before the start, on the end field', () => {
    const weekly = [[['10:00', '10:00']], [], [], [], [], [], [['17:00', '09:00']]]
    expect(issues({ ...officeHours('UTC'), weekly })).toEqual([
      { path: 'weekly.0.0.1', message: 'Sunday: closing time 10:00 must be after opening time 10:00' },
      { path: 'weekly.6.0.1', message: 'Saturday: closing time 09:00 must be after opening time 17:00' },
    ])
  })

  it('refuses malformed times', () => {
    for (const bad of ['9:00', '24:30', '12:60', '25:00', 'noon']) {
      expect(issues({ ...officeHours('UTC'), weekly: weekdays([[bad, '17:00']]) }).map((i) => i.message)).toContain(
        'Use a 24-hour time from 00:00 to 24:00, e.g. 09:00',
      )
    }
  })

  it('refuses an unknown time zone with a hint', () => {
    expect(issues(officeHours('Europe/Londres'))).toEqual([
      { path: 'timeZone', message: 'Unknown time zone "Europe/Londres": use an IANA name such as Europe/London' },
    ])
  })

  it('refuses duplicate and impossible holidays', () => {
    const cal = { ...officeHours('UTC'), holidays: ['2025-12-25', '2025-02-30', '2025-12-25', '25/12/2025'] }
    expect(issues(cal)).toEqual([
      { path: 'holidays.1', message: 'Use a real date written YYYY-MM-DD' },
      { path: 'holidays.3', message: 'Use a real date written YYYY-MM-DD' },
      { path: 'holidays.2', message: '2025-12-25 is listed twice' },
    ])
  })

  it('reports every problem at once, for the form', () => {
    const cal = { timeZone: 'Mars/Olympus', mode: 'business', weekly: weekdays([['09:00', '17:00'], ['16:00', '18:00']]), holidays: ['2025-01-01', '2025-01-01'] }
    expect(issues(cal).map((i) => i.path)).toEqual(['timeZone', 'weekly.1.1', 'weekly.2.1', 'weekly.3.1', 'weekly.4.1', 'weekly.5.1', 'holidays.1'])
  })

  it('needs exactly seven weekdays', () => {
    expect(issues({ ...officeHours('UTC'), weekly: [[['09:00', '17:00']]] })).toEqual([
      { path: 'weekly', message: 'Give business hours for each of the 7 weekdays (Sunday first)' },
    ])
  })
})

describe('time and date helpers', () => {
  it('reads HH:mm as minutes after midnight', () => {
    expect([minuteOfDay('00:00'), minuteOfDay('09:30'), minuteOfDay('24:00'), minuteOfDay('24:01')]).toEqual([0, 570, 1440, NaN])
  })

  it('knows real dates', () => {
    expect(['2024-02-29', '2025-02-29', '2025-13-01', '2025-1-01'].map(isIsoDate)).toEqual([true, false, false, false])
  })
})
