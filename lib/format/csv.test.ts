import { describe, expect, it } from 'vitest'
import { csvCell, csvLine } from './csv'
import { dayInZone, isoInZone } from './iso-in-zone'

describe('csvCell', () => {
  it('quotes only what RFC 4180 needs quoted, doubling quotes', () => {
    expect(csvCell('plain')).toBe('plain')
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('two\nlines')).toBe('"two\nlines"')
    expect(csvCell('crlf\r\nend')).toBe('"crlf\r\nend"')
    expect(csvCell(null)).toBe('')
    expect(csvCell(42)).toBe('42')
  })

  it('defuses every cell a spreadsheet would run as a formula', () => {
    expect(csvCell('=1+1')).toBe("'=1+1")
    expect(csvCell('+1')).toBe("'+1")
    expect(csvCell('-2')).toBe("'-2")
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvCell('\tx')).toBe("'\tx")
    expect(csvCell('\rx')).toBe('"\'\rx"')
    expect(csvCell('=HYPERLINK("http://evil","click")')).toBe('"\'=HYPERLINK(""http://evil"",""click"")"')
    // Only at the start: a minus inside text, or a number, is left alone.
    expect(csvCell('a-b')).toBe('a-b')
    expect(csvCell(-3)).toBe('-3')
  })

  it('ends each record with CRLF', () => {
    expect(csvLine(['a', 1, null, 'b,c'])).toBe('a,1,,"b,c"\r\n')
  })
})

describe('isoInZone', () => {
  it('writes the wall clock of the zone with its offset at that instant, across DST', () => {
    expect(isoInZone(new Date('2026-01-15T12:00:00Z'), 'Europe/London')).toBe('2026-01-15T12:00:00+00:00')
    // London springs forward at 01:00 UTC on 29 March 2026.
    expect(isoInZone(new Date('2026-03-29T00:59:59Z'), 'Europe/London')).toBe('2026-03-29T00:59:59+00:00')
    expect(isoInZone(new Date('2026-03-29T01:00:00Z'), 'Europe/London')).toBe('2026-03-29T02:00:00+01:00')
    expect(isoInZone(new Date('2026-07-01T03:30:00.999Z'), 'America/New_York')).toBe('2026-06-30T23:30:00-04:00')
    expect(isoInZone(new Date('2026-07-01T00:00:00Z'), 'Asia/Kolkata')).toBe('2026-07-01T05:30:00+05:30')
    expect(isoInZone(new Date('2026-07-01T00:00:00Z'), 'America/St_Johns')).toBe('2026-06-30T21:30:00-02:30')
    expect(isoInZone(null, 'UTC')).toBe('')
  })

  it('parses back to the same instant (to the second)', () => {
    for (const iso of ['2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z', '2026-03-08T07:00:00Z', '2024-02-29T23:59:59Z']) {
      for (const tz of ['Europe/London', 'America/New_York', 'Australia/Lord_Howe', 'Pacific/Chatham']) {
        expect(new Date(isoInZone(new Date(iso), tz)).toISOString()).toBe(new Date(iso).toISOString())
      }
    }
  })

  it('names the day in the zone', () => {
    expect(dayInZone(new Date('2026-07-01T02:00:00Z'), 'America/New_York')).toBe('2026-06-30')
  })
})
