import { tzOffset } from '@date-fns/tz'

// The only place the SLA clock converts between instants and local wall-clock times.
// Local dates are handled as day numbers (days since 1970-01-01, a proleptic calendar
// count with no zone in it), so stepping a day is `day + 1`, not "add 24 hours".

export const MINUTE_MS = 60_000
export const DAY_MS = 86_400_000

export function dayNumber(isoDate: string): number {
  return Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10))) / DAY_MS
}

export function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: number): number {
  return new Date(day * DAY_MS).getUTCDay()
}

/** Offset of `timeZone` from UTC at an instant, in ms (from the runtime's IANA data). */
function offsetAt(timeZone: string, ms: number): number {
  return Math.round(tzOffset(timeZone, new Date(ms)) * MINUTE_MS)
}

/**
 * The local date (day number) of an instant in `timeZone`: the date fields of
 * `new TZDate(ms, timeZone)` (tested to agree), read from one `tzOffset` call instead of
 * building the object, which costs 2–3× more and runs once per clock call.
 */
export function localDay(timeZone: string, ms: number): number {
  return Math.floor((ms + offsetAt(timeZone, ms)) / DAY_MS)
}

/**
 * The instant at which the clocks in `timeZone` read `minute` minutes past midnight on
 * local date `day` (minute 1440 = 24:00 = the next day's 00:00).
 *
 * Not `new TZDate(y, m, d, h, min, zone)`: its answer for a wall time that occurs twice
 * (the repeated hour when clocks go back) depends on the *host's* time zone
 * (date-fns/tz#40, reproduced here: 01:30 on 2025-10-26 in Europe/London is BST with
 * TZ=Europe/Berlin and GMT with TZ=UTC), and a server and a browser must agree on a
 * deadline. So the rule is explicit, with offsets from `tzOffset` (@date-fns/tz, the
 * IANA data) and only the final "wall time minus offset" done here. It matches
 * Temporal's 'compatible' disambiguation and what TZDate does where it is unambiguous:
 * - a time that occurs twice resolves to the earlier occurrence;
 * - a time skipped when clocks go forward moves forward by the length of the gap
 *   (02:30 on a New York spring-forward day is 03:30 EDT).
 */
export function instantOf(timeZone: string, day: number, minute: number): number {
  const wall = day * DAY_MS + minute * MINUTE_MS
  // Offsets a day either side bracket any transition near this wall time (zones never
  // change offset twice within two days).
  const before = offsetAt(timeZone, wall - DAY_MS)
  const after = offsetAt(timeZone, wall + DAY_MS)
  if (before === after) return wall - before
  const candidates = [wall - before, wall - after].sort((a, b) => a - b)
  for (const t of candidates) {
    if (offsetAt(timeZone, t) === wall - t) return t
  }
  // In the gap: read the wall time with the offset in force before the jump.
  return wall - before
}
