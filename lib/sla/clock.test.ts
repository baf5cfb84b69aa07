import { TZDate } from '@date-fns/tz'
import { describe, expect, it } from 'vitest'
import { officeHours, type BusinessInterval, type Calendar } from './calendar'
import { addBusinessMinutes, businessMinutesBetween, isBusinessTime, slaDeadline, slaElapsedMinutes, type Pause } from './clock'

// Test instants are written as local wall times with TZDate, away from DST changes:
// on a change day TZDate's answer can depend on the host zone (see zoned.ts), so
// instants there are written in UTC.
const localTime = (tz: string) => (s: string) => new Date(+new TZDate(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10), +s.slice(11, 13), +s.slice(14, 16), tz))
const ldn = localTime('Europe/London')
const nyc = localTime('America/New_York')
const utc = (s: string) => new Date(s)

const london = officeHours('Europe/London') // Mon–Fri 09:00–17:00
const newYork = officeHours('America/New_York')
const everyDay = (tz: string, ...intervals: BusinessInterval[]): Calendar => ({ timeZone: tz, mode: 'business', weekly: Array(7).fill(intervals), holidays: [] })
const withLunch: Calendar = { ...london, weekly: [[], ...Array(5).fill([['09:00', '12:30'], ['13:30', '17:30']]), []] }
const christmas: Calendar = { ...london, holidays: ['2025-12-25', '2025-12-26', '2026-01-01'] }
const allDay: Calendar = { ...london, mode: '24x7' }
const hours = (h: number) => h * 60

describe('addBusinessMinutes', () => {
  // 2025-03-03 is a Monday; London is on GMT until 30 March.
  it.each([
    ['within a day', '2025-03-03 10:00', 120, '2025-03-03 12:00'],
    ['into the next morning', '2025-03-03 16:00', 120, '2025-03-04 10:00'],
    ['over a weekend', '2025-03-07 16:00', 120, '2025-03-10 10:00'],
    ['from before opening', '2025-03-03 07:00', 60, '2025-03-03 10:00'],
    ['from after closing', '2025-03-03 18:00', 60, '2025-03-04 10:00'],
    ['from a Saturday', '2025-03-08 11:00', 60, '2025-03-10 10:00'],
    ['from a Sunday night', '2025-03-09 23:59', 480, '2025-03-10 17:00'],
  ])('%s', (_, start, minutes, due) => {
    expect(addBusinessMinutes(london, ldn(start), minutes)).toEqual(ldn(due))
  })

  it('ends at the close, not the next opening, when the target runs out exactly then', () => {
    expect(addBusinessMinutes(london, ldn('2025-03-03 16:00'), 60)).toEqual(ldn('2025-03-03 17:00'))
    expect(addBusinessMinutes(london, ldn('2025-03-07 09:00'), hours(8))).toEqual(ldn('2025-03-07 17:00'))
    expect(addBusinessMinutes(withLunch, ldn('2025-03-03 12:00'), 30)).toEqual(ldn('2025-03-03 12:30'))
  })

  it('skips a lunch break', () => {
    expect(addBusinessMinutes(withLunch, ldn('2025-03-03 12:00'), 60)).toEqual(ldn('2025-03-03 14:00'))
    expect(addBusinessMinutes(withLunch, ldn('2025-03-03 12:45'), 15)).toEqual(ldn('2025-03-03 13:45'))
    expect(addBusinessMinutes(withLunch, ldn('2025-03-03 17:00'), 60)).toEqual(ldn('2025-03-04 09:30'))
  })

  it('skips holidays, including a start on one', () => {
    expect(addBusinessMinutes(christmas, ldn('2025-12-24 16:00'), 120)).toEqual(ldn('2025-12-29 10:00'))
    expect(addBusinessMinutes(christmas, ldn('2025-12-25 10:00'), 60)).toEqual(ldn('2025-12-29 10:00'))
    expect(addBusinessMinutes(christmas, ldn('2025-12-31 16:00'), 120)).toEqual(ldn('2026-01-02 10:00'))
  })

  it('with 0 minutes gives the start if it is business time, else the next opening', () => {
    expect(addBusinessMinutes(london, ldn('2025-03-03 10:00'), 0)).toEqual(ldn('2025-03-03 10:00'))
    expect(addBusinessMinutes(london, ldn('2025-03-03 17:00'), 0)).toEqual(ldn('2025-03-03 17:00'))
    expect(addBusinessMinutes(london, ldn('2025-03-03 17:01'), 0)).toEqual(ldn('2025-03-04 09:00'))
    expect(addBusinessMinutes(london, ldn('2025-03-08 10:00'), 0)).toEqual(ldn('2025-03-10 09:00'))
    const evenings = everyDay('UTC', ['18:00', '24:00'])
    expect(addBusinessMinutes(evenings, utc('2025-03-04T00:00:00Z'), 0)).toEqual(utc('2025-03-04T00:00:00Z'))
  })

  it('keeps millisecond precision and accepts fractional minutes', () => {
    expect(addBusinessMinutes(london, new Date(ldn('2025-03-03 16:59').getTime() + 30_500), 1.5)).toEqual(new Date(ldn('2025-03-04 09:01').getTime() + 500))
  })

  it('refuses negative or non-finite minutes', () => {
    expect(() => addBusinessMinutes(london, ldn('2025-03-03 10:00'), -1)).toThrow(RangeError)
    expect(() => addBusinessMinutes(london, ldn('2025-03-03 10:00'), Number.NaN)).toThrow(RangeError)
  })

  it('refuses a calendar with no hours instead of looping', () => {
    const closed: Calendar = { ...london, weekly: [[], [], [], [], [], [], []] }
    expect(() => addBusinessMinutes(closed, ldn('2025-03-03 10:00'), 1)).toThrow('no business hours')
    expect(businessMinutesBetween(closed, ldn('2025-03-03 10:00'), ldn('2025-04-03 10:00'))).toBe(0)
  })
})

describe('businessMinutesBetween', () => {
  it('counts only open hours', () => {
    expect(businessMinutesBetween(london, ldn('2025-03-07 16:00'), ldn('2025-03-10 10:00'))).toBe(120)
    expect(businessMinutesBetween(london, ldn('2025-03-03 00:00'), ldn('2025-03-10 00:00'))).toBe(hours(40))
    expect(businessMinutesBetween(withLunch, ldn('2025-03-03 12:00'), ldn('2025-03-03 14:00'))).toBe(60)
    expect(businessMinutesBetween(christmas, ldn('2025-12-22 00:00'), ldn('2026-01-05 00:00'))).toBe(hours(8 * 7))
  })

  it('is 0 for an empty or reversed span, fractional below a minute', () => {
    expect(businessMinutesBetween(london, ldn('2025-03-03 12:00'), ldn('2025-03-03 12:00'))).toBe(0)
    expect(businessMinutesBetween(london, ldn('2025-03-03 12:00'), ldn('2025-03-03 11:00'))).toBe(0)
    expect(businessMinutesBetween(london, ldn('2025-03-03 12:00'), new Date(ldn('2025-03-03 12:00').getTime() + 90_000))).toBe(1.5)
  })
})

describe('isBusinessTime', () => {
  it('counts both ends of an interval as inside', () => {
    expect(isBusinessTime(london, ldn('2025-03-03 09:00'))).toBe(true)
    expect(isBusinessTime(london, ldn('2025-03-03 17:00'))).toBe(true)
    expect(isBusinessTime(london, ldn('2025-03-03 17:01'))).toBe(false)
    expect(isBusinessTime(withLunch, ldn('2025-03-03 13:00'))).toBe(false)
    expect(isBusinessTime(christmas, ldn('2025-12-25 10:00'))).toBe(false)
    expect(isBusinessTime(everyDay('UTC', ['18:00', '24:00']), utc('2025-03-04T00:00:00Z'))).toBe(true)
  })
})

describe('DST: business hours are local wall-clock times', () => {
  it('keeps 09:00 as 09:00 across the change (the instant moves an hour)', () => {
    // Friday 7 March 2025 EST → Monday 10 March EDT.
    expect(addBusinessMinutes(newYork, nyc('2025-03-07 16:00'), 120)).toEqual(utc('2025-03-10T14:00:00Z'))
    // Friday 24 October 2025 BST → Monday 27 October GMT.
    expect(addBusinessMinutes(london, ldn('2025-10-24 16:00'), 120)).toEqual(utc('2025-10-27T10:00:00Z'))
  })

  it('a 09:00–17:00 day stays 8 hours on a change day: the change happens at night', () => {
    const nineToFive = everyDay('Europe/London', ['09:00', '17:00'])
    expect(businessMinutesBetween(nineToFive, utc('2025-03-30T00:00:00Z'), utc('2025-03-31T00:00:00Z'))).toBe(hours(8))
    expect(businessMinutesBetween(nineToFive, utc('2025-10-26T00:00:00Z'), utc('2025-10-27T00:00:00Z'))).toBe(hours(8))
  })

  it('spring forward inside the hours: the day is an hour shorter', () => {
    const nights = everyDay('Europe/London', ['00:00', '08:00'])
    // 30 March 2025: 01:00 GMT → 02:00 BST.
    expect(businessMinutesBetween(nights, utc('2025-03-29T12:00:00Z'), utc('2025-03-30T12:00:00Z'))).toBe(hours(7))
    expect(addBusinessMinutes(nights, utc('2025-03-30T00:00:00Z'), hours(7))).toEqual(utc('2025-03-30T07:00:00Z')) // 08:00 BST
    const roundTheClock = everyDay('America/New_York', ['00:00', '24:00'])
    expect(businessMinutesBetween(roundTheClock, utc('2025-03-09T05:00:00Z'), utc('2025-03-10T04:00:00Z'))).toBe(hours(23))
  })

  it('fall back inside the hours: the day is an hour longer', () => {
    const nights = everyDay('Europe/London', ['00:00', '08:00'])
    // 26 October 2025: 02:00 BST → 01:00 GMT; 00:00 BST is 23:00Z the day before.
    expect(businessMinutesBetween(nights, utc('2025-10-25T12:00:00Z'), utc('2025-10-26T12:00:00Z'))).toBe(hours(9))
    expect(addBusinessMinutes(nights, utc('2025-10-25T23:00:00Z'), hours(9))).toEqual(utc('2025-10-26T08:00:00Z'))
    const roundTheClock = everyDay('America/New_York', ['00:00', '24:00'])
    expect(businessMinutesBetween(roundTheClock, utc('2025-11-02T04:00:00Z'), utc('2025-11-03T05:00:00Z'))).toBe(hours(25))
  })

  it('an interval starting in the skipped hour starts when the clocks resume', () => {
    // 9 March 2025, New York: 02:00 EST → 03:00 EDT; 02:30 is read as 03:30 EDT.
    const early = everyDay('America/New_York', ['02:30', '04:00'])
    expect(businessMinutesBetween(early, utc('2025-03-09T05:00:00Z'), utc('2025-03-09T16:00:00Z'))).toBe(30)
    expect(addBusinessMinutes(early, utc('2025-03-09T05:00:00Z'), 0)).toEqual(utc('2025-03-09T07:30:00Z'))
  })

  it('an interval edge in the repeated hour means its first occurrence, on any host', () => {
    // 26 October 2025, London: 01:30 BST (00:30Z) … 02:30 GMT (02:30Z) is 2 real hours.
    const odd = everyDay('Europe/London', ['01:30', '02:30'])
    expect(businessMinutesBetween(odd, utc('2025-10-25T12:00:00Z'), utc('2025-10-26T12:00:00Z'))).toBe(hours(2))
    expect(addBusinessMinutes(odd, utc('2025-10-25T12:00:00Z'), 0)).toEqual(utc('2025-10-26T00:30:00Z'))
  })
})

describe('24x7', () => {
  it('is plain elapsed time: no weekends, holidays or wall-clock hours', () => {
    const start = ldn('2025-12-24 16:00')
    expect(addBusinessMinutes({ ...allDay, holidays: ['2025-12-25'] }, start, hours(48))).toEqual(new Date(start.getTime() + 48 * 3_600_000))
    // Across spring forward: 24 real hours after Saturday 12:00 GMT is Sunday 13:00 BST.
    expect(addBusinessMinutes(allDay, utc('2025-03-29T12:00:00Z'), hours(24))).toEqual(utc('2025-03-30T12:00:00Z'))
    expect(businessMinutesBetween(allDay, utc('2025-03-29T00:00:00Z'), utc('2025-03-31T00:00:00Z'))).toBe(hours(48))
    expect(isBusinessTime(allDay, ldn('2025-03-08 03:00'))).toBe(true)
  })
})

describe('slaDeadline', () => {
  const pause = (from: string, to: string | null): Pause => ({ from: ldn(from), to: to === null ? null : ldn(to) })
  const due = (...args: Parameters<typeof slaDeadline>) => {
    const result = slaDeadline(...args)
    if (result.paused) throw new Error('unexpectedly paused')
    return result.due
  }

  it('without pauses is addBusinessMinutes', () => {
    expect(due(london, ldn('2025-03-03 10:00'), hours(8), [])).toEqual(ldn('2025-03-04 10:00'))
  })

  it('does not count a pause spanning the night', () => {
    // Mon 16:00 → Tue 11:00 stops 1 h on Monday and 2 h on Tuesday: due 3 h later.
    expect(due(london, ldn('2025-03-03 10:00'), hours(8), [pause('2025-03-03 16:00', '2025-03-04 11:00')])).toEqual(ldn('2025-03-04 13:00'))
  })

  it('does not count a pause spanning the weekend', () => {
    // 5 h used on Friday; the remaining 3 h run from Monday 10:00.
    expect(due(london, ldn('2025-03-07 10:00'), hours(8), [pause('2025-03-07 15:00', '2025-03-10 10:00')])).toEqual(ldn('2025-03-10 13:00'))
  })

  it('ignores pauses outside business hours', () => {
    expect(due(london, ldn('2025-03-07 10:00'), hours(8), [pause('2025-03-08 09:00', '2025-03-09 18:00')])).toEqual(ldn('2025-03-10 10:00'))
  })

  it('accepts unsorted, overlapping pauses and ones that began before the clock', () => {
    const pauses = [pause('2025-03-03 13:00', '2025-03-03 15:00'), pause('2025-03-03 12:00', '2025-03-03 14:00'), pause('2025-03-03 08:00', '2025-03-03 10:00')]
    // Clock starts at 09:00 but is paused until 10:00, then runs 10–12 and 15–17 (4 h), then 4 h on Tuesday.
    expect(due(london, ldn('2025-03-03 09:00'), hours(8), pauses)).toEqual(ldn('2025-03-04 13:00'))
  })

  it('stops with an open pause and reports what is left of the target', () => {
    expect(slaDeadline(london, ldn('2025-03-03 10:00'), hours(8), [pause('2025-03-03 16:00', null)])).toEqual({ paused: true, due: null, remainingMinutes: hours(2) })
    expect(slaDeadline(london, ldn('2025-03-03 10:00'), hours(8), [pause('2025-03-03 07:00', null)])).toEqual({ paused: true, due: null, remainingMinutes: hours(8) })
  })

  it('keeps a deadline reached before the ticket was paused: pausing does not un-breach', () => {
    expect(slaDeadline(london, ldn('2025-03-03 10:00'), 60, [pause('2025-03-03 15:00', null)])).toEqual({ paused: false, due: ldn('2025-03-03 11:00') })
    // Paused at the very instant the target ran out: due then.
    expect(slaDeadline(london, ldn('2025-03-03 10:00'), 60, [pause('2025-03-03 11:00', null)])).toEqual({ paused: false, due: ldn('2025-03-03 11:00') })
  })

  it('refuses a pause that ends before it starts', () => {
    expect(() => slaDeadline(london, ldn('2025-03-03 10:00'), 60, [pause('2025-03-03 12:00', '2025-03-03 11:00')])).toThrow(RangeError)
  })

  it('priority change mid-flight: same start and pauses, new target', () => {
    const start = ldn('2025-03-03 09:00')
    const pauses = [pause('2025-03-03 10:00', '2025-03-03 10:30')]
    // 1 h before the pause, 6.5 h after it, 0.5 h on Tuesday.
    expect(due(london, start, hours(8), pauses)).toEqual(ldn('2025-03-04 09:30'))
    // Raised to urgent at 11:00 (1 h target): it ran out as the pause began, so overdue since 10:00.
    expect(due(london, start, 60, pauses)).toEqual(ldn('2025-03-03 10:00'))
    // Lowered to 2 business days.
    expect(due(london, start, hours(16), pauses)).toEqual(ldn('2025-03-05 09:30'))
  })

  it('reopen: the resolution clock resumes from where it stood at resolution', () => {
    // Started Mon 09:00, 16 h target; resolved Tue 12:00 (11 h used); reopened Wed 10:00.
    const start = ldn('2025-03-03 09:00')
    const reopened = [pause('2025-03-04 12:00', '2025-03-05 10:00')]
    expect(due(london, start, hours(16), reopened)).toEqual(ldn('2025-03-05 15:00'))
    expect(slaElapsedMinutes(london, start, reopened, ldn('2025-03-05 11:00'))).toBe(hours(12))
  })

  it('handles very large targets and long pauses', () => {
    // 30 business days from a Monday 09:00 is the Friday six weeks later, at closing.
    expect(due(london, ldn('2025-01-06 09:00'), hours(8 * 30), [])).toEqual(ldn('2025-02-14 17:00'))
    // …two days later with Christmas and New Year's Day in the way.
    expect(due(christmas, ldn('2025-12-01 09:00'), hours(8 * 30), [])).toEqual(ldn('2026-01-14 17:00'))
    // A year of business days in New York crosses both DST changes; the hours stay 09:00–17:00.
    const yearLater = due(newYork, nyc('2025-01-06 09:00'), hours(8 * 5 * 52), [])
    expect(yearLater).toEqual(nyc('2026-01-02 17:00'))
    expect(businessMinutesBetween(newYork, nyc('2025-01-06 09:00'), yearLater)).toBe(hours(8 * 5 * 52))
    // A month-long pause.
    expect(due(london, ldn('2025-01-06 09:00'), hours(16), [pause('2025-01-06 17:00', '2025-02-06 09:00')])).toEqual(ldn('2025-02-06 17:00'))
  })
})

describe('slaElapsedMinutes', () => {
  const start = ldn('2025-03-03 09:00')
  it('counts business time up to now, minus pauses; an open pause freezes it', () => {
    expect(slaElapsedMinutes(london, start, [], ldn('2025-03-04 10:00'))).toBe(hours(9))
    expect(slaElapsedMinutes(london, start, [{ from: ldn('2025-03-03 12:00'), to: ldn('2025-03-04 09:30') }], ldn('2025-03-04 10:00'))).toBe(hours(3.5))
    expect(slaElapsedMinutes(london, start, [{ from: ldn('2025-03-03 12:00'), to: null }], ldn('2025-03-10 10:00'))).toBe(hours(3))
    expect(slaElapsedMinutes(london, start, [], ldn('2025-03-03 08:00'))).toBe(0)
  })
})

describe('speed', () => {
  it('computes 10,000 deadlines of 30 business days in well under a second per thousand', () => {
    const started = performance.now()
    for (let i = 0; i < 10_000; i++) {
      addBusinessMinutes(london, new Date(Date.UTC(2025, 0, 1) + i * 997_000), hours(8 * 30))
    }
    // Minute-by-minute or even interval-by-interval walking would be far slower than this.
    expect(performance.now() - started).toBeLessThan(5_000)
  })
})
