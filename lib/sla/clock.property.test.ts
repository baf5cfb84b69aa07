import { TZDate, tzScan } from '@date-fns/tz'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { minuteOfDay, type BusinessInterval, type Calendar } from './calendar'
import { addBusinessMinutes, businessMinutesBetween, isBusinessTime, slaDeadline, slaElapsedMinutes, type Pause } from './clock'

// Random calendars (several intervals a day, holidays, zones with 30- and 45-minute
// offsets and DST at 00:00, 02:00 or 02:45), random starts in 2025–2026, random targets
// from minutes to ~100 weeks of that calendar's hours.

const RUNS = { numRuns: 200 }
const MINUTE = 60_000
const FROM = Date.UTC(2025, 0, 1)
const TO = Date.UTC(2027, 0, 1)

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`

/** Up to 3 disjoint intervals on a 15-minute grid, from the given allowed edges. */
const dayArb = (edges: number[]) =>
  fc.uniqueArray(fc.constantFrom(...edges), { maxLength: 6 }).map((points) => {
    const sorted = points.sort((a, b) => a - b)
    const out: BusinessInterval[] = []
    for (let i = 0; i + 1 < sorted.length; i += 2) out.push([hhmm(sorted[i]), hhmm(sorted[i + 1])])
    return out
  })

const quarterHours = (from: number, to: number) => Array.from({ length: (to - from) / 15 + 1 }, (_, i) => from + i * 15)
const holidayArb = fc.uniqueArray(
  fc.integer({ min: FROM, max: TO }).map((ms) => new Date(ms).toISOString().slice(0, 10)),
  { maxLength: 40 },
)

const calendarArb = (zones: string[], edges: number[]): fc.Arbitrary<Calendar> =>
  fc
    .record({ timeZone: fc.constantFrom(...zones), weekly: fc.array(dayArb(edges), { minLength: 7, maxLength: 7 }), holidays: holidayArb })
    .filter((c) => c.weekly.some((d) => d.length > 0))
    .map((c) => ({ ...c, mode: 'business' as const }))

const ALL_ZONES = ['UTC', 'Europe/London', 'America/New_York', 'Australia/Sydney', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/Santiago', 'America/Havana', 'Asia/Kolkata']
const anyCalendar = calendarArb(ALL_ZONES, quarterHours(0, 1440))
// For the wall-clock oracle: no interval edge inside a DST transition (all of these
// zones change between 00:30 and 04:00), so reading an instant's local time is enough
// to tell whether it is business time.
const ORACLE_ZONES = ['UTC', 'Europe/London', 'America/New_York', 'Australia/Sydney', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Asia/Kolkata']
const oracleCalendar = calendarArb(ORACLE_ZONES, [0, ...quarterHours(240, 1440)])

const weekMinutes = (cal: Calendar) => cal.weekly.flat().reduce((sum, [s, e]) => sum + minuteOfDay(e) - minuteOfDay(s), 0)
const uniformStart = fc.integer({ min: FROM, max: TO }).map((ms) => new Date(ms))
// Half the starts fall within four days of one of the zone's clock changes.
const changes = new Map(ALL_ZONES.map((tz) => [tz, tzScan(tz, { start: new Date(FROM), end: new Date(TO) }).map((c) => c.date.getTime())]))
const startArb = (cal: Calendar) => {
  const near = changes.get(cal.timeZone) ?? []
  if (near.length === 0) return uniformStart
  const around = fc.tuple(fc.constantFrom(...near), fc.integer({ min: -4 * 86_400_000, max: 4 * 86_400_000 })).map(([t, d]) => new Date(t + d))
  return fc.oneof(uniformStart, around)
}
/** A calendar and a start, the start often close to a DST change in the calendar's zone. */
const calendarAndStart = (calendars: fc.Arbitrary<Calendar>) => calendars.chain((cal) => fc.tuple(fc.constant(cal), startArb(cal)))
/** A target as a share of the calendar's weekly hours: up to a day, a week, ~100 weeks. */
const scaleArb = fc.oneof(fc.double({ min: 0, max: 0.2, noNaN: true }), fc.double({ min: 0, max: 2, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }))
const minutesFor = (cal: Calendar, scale: number) => Math.floor(scale * weekMinutes(cal))

/** Independent of the clock: is this instant's local wall time inside an interval? */
function oracleInside(cal: Calendar, ms: number, closed: boolean): boolean {
  const local = new TZDate(ms, cal.timeZone)
  const minute = local.getHours() * 60 + local.getMinutes() + local.getSeconds() / 60 + local.getMilliseconds() / MINUTE
  const date = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
  const within = (day: number, m: number) =>
    cal.weekly[day].some(([s, e]) => (closed ? minuteOfDay(s) <= m && m <= minuteOfDay(e) : minuteOfDay(s) < m && m < minuteOfDay(e)))
  if (!cal.holidays.includes(date(local)) && within(local.getDay(), minute)) return true
  if (!closed || minute !== 0) return false
  // 00:00 may be the 24:00 end of yesterday's last interval.
  const yesterday = new TZDate(local.getFullYear(), local.getMonth(), local.getDate() - 1, 12, 0, cal.timeZone)
  return !cal.holidays.includes(date(yesterday)) && within(yesterday.getDay(), 1440)
}

describe('addBusinessMinutes (properties)', () => {
  it('a deadline is always inside business hours (interval ends included)', () => {
    fc.assert(
      fc.property(calendarAndStart(oracleCalendar), scaleArb, ([cal, start], scale) => {
        const due = addBusinessMinutes(cal, start, minutesFor(cal, scale))
        expect(oracleInside(cal, due.getTime(), true), `due ${due.toISOString()}`).toBe(true)
        expect(isBusinessTime(cal, due)).toBe(true)
      }),
      RUNS,
    )
    // Zones whose clocks change at midnight, any interval edges: checked by isBusinessTime.
    fc.assert(
      fc.property(calendarAndStart(anyCalendar), scaleArb, ([cal, start], scale) => {
        expect(isBusinessTime(cal, addBusinessMinutes(cal, start, minutesFor(cal, scale)))).toBe(true)
      }),
      RUNS,
    )
  })

  it('round-trips with businessMinutesBetween', () => {
    fc.assert(
      fc.property(calendarAndStart(anyCalendar), scaleArb, ([cal, start], scale) => {
        const minutes = minutesFor(cal, scale)
        expect(businessMinutesBetween(cal, start, addBusinessMinutes(cal, start, minutes))).toBe(minutes)
      }),
      RUNS,
    )
  })

  it('more target minutes never give an earlier deadline', () => {
    fc.assert(
      fc.property(calendarAndStart(anyCalendar), scaleArb, scaleArb, ([cal, start], a, b) => {
        const [less, more] = [minutesFor(cal, a), minutesFor(cal, b)].sort((x, y) => x - y)
        expect(addBusinessMinutes(cal, start, more).getTime()).toBeGreaterThanOrEqual(addBusinessMinutes(cal, start, less).getTime())
      }),
      RUNS,
    )
  })

  it('composes: adding a then b is adding a + b (week skipping agrees with day walking)', () => {
    fc.assert(
      fc.property(calendarAndStart(anyCalendar), scaleArb, fc.integer({ min: 1, max: 600 }), ([cal, start], scale, small) => {
        const big = minutesFor(cal, scale)
        expect(addBusinessMinutes(cal, addBusinessMinutes(cal, start, big), small)).toEqual(addBusinessMinutes(cal, start, big + small))
        expect(addBusinessMinutes(cal, addBusinessMinutes(cal, start, small), big)).toEqual(addBusinessMinutes(cal, start, big + small))
      }),
      RUNS,
    )
  })

  it('24x7 is plain addition', () => {
    fc.assert(
      fc.property(calendarAndStart(anyCalendar), fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: -1e9, max: 1e10 }), ([cal, start], minutes, span) => {
        const allDay = { ...cal, mode: '24x7' as const }
        expect(addBusinessMinutes(allDay, start, minutes).getTime()).toBe(start.getTime() + minutes * MINUTE)
        expect(businessMinutesBetween(allDay, start, new Date(start.getTime() + span))).toBe(Math.max(0, span) / MINUTE)
      }),
      RUNS,
    )
  })
})

describe('businessMinutesBetween (properties)', () => {
  it('matches counting quarter-hours by their local wall time, across DST, holidays and breaks', () => {
    const quarter = 15 * MINUTE
    fc.assert(
      fc.property(calendarAndStart(oracleCalendar), fc.integer({ min: 0, max: 4 * 96 }), ([cal, start], quarters) => {
        const from = Math.floor(start.getTime() / quarter) * quarter
        let expected = 0
        for (let q = 0; q < quarters; q++) if (oracleInside(cal, from + q * quarter + quarter / 2, false)) expected += 15
        expect(businessMinutesBetween(cal, new Date(from), new Date(from + quarters * quarter))).toBe(expected)
      }),
      { numRuns: 100 },
    )
  })

  it('adds up over consecutive spans', () => {
    fc.assert(
      fc.property(calendarAndStart(anyCalendar), fc.array(fc.integer({ min: 0, max: 30 * 86_400_000 }), { minLength: 2, maxLength: 2 }), ([cal, start], steps) => {
        const [a, b, c] = [0, ...steps.sort((x, y) => x - y)].map((d) => new Date(start.getTime() + d))
        const ms = (x: number) => Math.round(x * MINUTE)
        expect(ms(businessMinutesBetween(cal, a, b)) + ms(businessMinutesBetween(cal, b, c))).toBe(ms(businessMinutesBetween(cal, a, c)))
      }),
      RUNS,
    )
  })
})

describe('slaDeadline (properties)', () => {
  const day = 86_400_000
  const pausesArb = (start: Date) =>
    fc.array(
      fc.record({
        from: fc.integer({ min: -2 * day, max: 60 * day }),
        length: fc.option(fc.integer({ min: 0, max: 10 * day }), { freq: 8 }),
      }),
      { maxLength: 4 },
    ).map((ps) => ps.map(({ from, length }): Pause => ({ from: new Date(start.getTime() + from), to: length === null ? null : new Date(start.getTime() + from + length) })))
  const caseArb = fc
    .tuple(calendarAndStart(anyCalendar), scaleArb)
    .chain(([[cal, start], scale]) => fc.tuple(fc.constant(cal), fc.constant(start), fc.constant(minutesFor(cal, scale)), pausesArb(start), pausesArb(start)))

  it('adding a pause never moves a deadline earlier', () => {
    fc.assert(
      fc.property(caseArb, ([cal, start, minutes, pauses, more]) => {
        const before = slaDeadline(cal, start, minutes, pauses)
        const after = slaDeadline(cal, start, minutes, [...pauses, ...more])
        if (before.paused) expect(after.paused).toBe(true)
        else if (!after.paused) expect(after.due.getTime()).toBeGreaterThanOrEqual(before.due.getTime())
      }),
      RUNS,
    )
  })

  it('the clock reads exactly the target at the deadline, pauses excluded; no pauses → addBusinessMinutes', () => {
    fc.assert(
      fc.property(caseArb, ([cal, start, minutes, pauses]) => {
        const closed = pauses.filter((p) => p.to !== null)
        const deadline = slaDeadline(cal, start, minutes, closed)
        if (deadline.paused) throw new Error('closed pauses cannot stop the clock')
        expect(slaElapsedMinutes(cal, start, closed, deadline.due)).toBe(minutes)
        expect(isBusinessTime(cal, deadline.due)).toBe(true)
        expect(slaDeadline(cal, start, minutes, [])).toEqual({ paused: false, due: addBusinessMinutes(cal, start, minutes) })
      }),
      RUNS,
    )
  })
})
