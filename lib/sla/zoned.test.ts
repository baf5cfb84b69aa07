import { TZDate, tzOffset, tzScan } from '@date-fns/tz'
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { dayNumber, instantOf, isoDate, localDay, weekday } from './zoned'

const iso = (ms: number) => new Date(ms).toISOString()
const at = (tz: string, date: string, hhmm: string) => iso(instantOf(tz, dayNumber(date), Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3))))

describe('local dates as day numbers', () => {
  it('round-trips dates and knows weekdays (0 = Sunday)', () => {
    expect(isoDate(dayNumber('2025-03-30'))).toBe('2025-03-30')
    expect(weekday(dayNumber('2025-03-30'))).toBe(0)
    expect(weekday(dayNumber('2024-02-29'))).toBe(4)
  })

  it('reads the local date of an instant in the zone, not in UTC', () => {
    expect(isoDate(localDay('America/New_York', Date.parse('2025-01-01T03:00:00Z')))).toBe('2024-12-31')
    expect(isoDate(localDay('Asia/Tokyo', Date.parse('2024-12-31T16:00:00Z')))).toBe('2025-01-01')
  })

  it('reads the same local date as TZDate (property)', () => {
    const zones = ['Europe/London', 'America/New_York', 'Pacific/Chatham', 'America/Santiago', 'Asia/Kathmandu', 'Pacific/Kiritimati']
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }), (tz, ms) => {
        const d = new TZDate(ms, tz)
        expect(isoDate(localDay(tz, ms))).toBe(`${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`)
      }),
      { numRuns: 300 },
    )
  })
})

describe('instantOf: wall time → instant', () => {
  it('is plain outside transitions', () => {
    expect(at('Europe/London', '2025-01-06', '09:00')).toBe('2025-01-06T09:00:00.000Z')
    expect(at('Europe/London', '2025-07-07', '09:00')).toBe('2025-07-07T08:00:00.000Z')
    expect(at('Asia/Kolkata', '2025-07-07', '09:00')).toBe('2025-07-07T03:30:00.000Z')
    expect(at('America/New_York', '2025-01-06', '24:00')).toBe('2025-01-07T05:00:00.000Z')
  })

  it('moves a skipped wall time forward by the gap', () => {
    expect(at('America/New_York', '2025-03-09', '02:30')).toBe('2025-03-09T07:30:00.000Z') // 03:30 EDT
    expect(at('Europe/London', '2025-03-30', '01:00')).toBe('2025-03-30T01:00:00.000Z') // 02:00 BST
    expect(at('Australia/Lord_Howe', '2025-10-05', '02:15')).toBe('2025-10-04T15:45:00.000Z') // 02:45 +11:00, a 30-minute gap
    expect(at('America/Santiago', '2025-09-07', '00:00')).toBe('2025-09-07T04:00:00.000Z') // midnight skipped: 01:00 -03
  })

  it('takes the first occurrence of a repeated wall time', () => {
    expect(at('America/New_York', '2025-11-02', '01:30')).toBe('2025-11-02T05:30:00.000Z') // EDT, not EST
    expect(at('Europe/London', '2025-10-26', '01:30')).toBe('2025-10-26T00:30:00.000Z') // BST, not GMT
    expect(at('Australia/Sydney', '2025-04-06', '02:30')).toBe('2025-04-05T15:30:00.000Z') // AEDT
  })

  describe('whatever the host time zone', () => {
    const hostTz = process.env.TZ
    afterEach(() => {
      if (hostTz === undefined) delete process.env.TZ
      else process.env.TZ = hostTz
    })

    it('gives the same instants (TZDate does not: date-fns/tz#40)', () => {
      const results = ['UTC', 'Europe/Berlin', 'Asia/Kolkata', 'America/Los_Angeles', 'Australia/Sydney'].map((host) => {
        process.env.TZ = host // Node re-reads TZ on assignment
        return [
          at('Europe/London', '2025-10-26', '01:30'),
          // Not even ambiguous, yet TZDate says 01:00Z with TZ=Europe/Berlin.
          at('Europe/London', '2025-10-26', '02:00'),
          at('America/New_York', '2025-11-02', '01:30'),
          at('Europe/Berlin', '2025-03-30', '02:30'),
        ]
      })
      for (const r of results) expect(r).toEqual(results[0])
    })
  })

  describe('on every DST transition day, 2024–2027 (property)', () => {
    const zones = ['Europe/London', 'America/New_York', 'Australia/Lord_Howe', 'America/Santiago', 'Pacific/Chatham', 'America/Havana']
    const days = zones.flatMap((tz) =>
      tzScan(tz, { start: new Date('2024-01-01'), end: new Date('2028-01-01') }).map((change) => ({ tz, day: localDay(tz, change.date.getTime()) })),
    )
    /** The local wall-clock reading of an instant, in minutes since 1970-01-01T00:00 local. */
    const reading = (tz: string, ms: number) => {
      const d = new TZDate(ms, tz)
      return Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes()) / 60_000
    }
    const minutesAround = (t: number, range: number[]) => range.map((m) => t + m * 60_000)

    it('finds them', () => expect(days.length).toBeGreaterThan(40))

    it('gives the first instant that reads the wall time, or moves a skipped one forward by the gap', () => {
      fc.assert(
        fc.property(fc.constantFrom(...days), fc.integer({ min: 0, max: 1440 }), ({ tz, day }, minute) => {
          const t = instantOf(tz, day, minute)
          const wall = day * 1440 + minute
          const earlier = minutesAround(t, Array.from({ length: 180 }, (_, i) => -1 - i))
          // No earlier instant reads this wall time, whether it exists or was skipped.
          expect(earlier.filter((ms) => reading(tz, ms) === wall)).toEqual([])
          if (reading(tz, t) !== wall) {
            // Skipped: nothing around reads it, and t reads it shifted by the gap.
            expect(minutesAround(t, Array.from({ length: 180 }, (_, i) => i)).filter((ms) => reading(tz, ms) === wall)).toEqual([])
            const gap = tzOffset(tz, new Date(t)) - tzOffset(tz, new Date(t - 180 * 60_000))
            expect(reading(tz, t)).toBe(wall + gap)
          }
        }),
        { numRuns: 200 },
      )
    })
  })
})
