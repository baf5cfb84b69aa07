import { describe, expect, it } from 'vitest'
import { format } from 'date-fns'
import { TZDate } from '@date-fns/tz'
import { formatTime, type TimePattern } from './time'

const patterns: TimePattern[] = ['d MMM yyyy, HH:mm', 'd MMM yyyy, HH:mm:ss', 'd MMM, HH:mm', 'd MMM, HH:mm:ss', 'd MMM yyyy']
const zones = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham', 'Australia/Lord_Howe', 'America/St_Johns']

describe('formatTime', () => {
  it('agrees with date-fns in the zone, across DST changes, midnight and every month', () => {
    // Every 31 h 13 min over two years: hits both DST switches of each zone, midnights and all months.
    const start = Date.UTC(2025, 0, 1)
    for (let t = start; t < start + 2 * 365 * 86_400_000; t += (31 * 60 + 13) * 60_000) {
      const d = new Date(t)
      for (const tz of zones) {
        for (const p of patterns) expect(formatTime(d, tz, p)).toBe(format(new TZDate(d, tz), p))
      }
    }
  })

  it('shows a dash for nothing and falls back to UTC for an unknown zone', () => {
    expect(formatTime(null, 'UTC')).toBe('—')
    expect(formatTime('not a date', 'UTC')).toBe('—')
    expect(formatTime('2026-03-29T01:30:00Z', 'Mars/Olympus')).toBe('29 Mar 2026, 01:30')
    expect(formatTime('2026-03-29T01:30:00Z', 'Europe/London')).toBe('29 Mar 2026, 02:30')
  })
})
