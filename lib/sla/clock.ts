import type { Calendar } from './calendar'
import { compile, dayIntervals, walk } from './business-time'
import { localDay, MINUTE_MS } from './zoned'

// The SLA clock: pure functions of a calendar and instants. No database, client-safe.
//
// Precision: durations are counted in whole milliseconds; minutes in and out are
// `ms / 60_000` (fractional minutes are fine). Whole-minute inputs round-trip exactly.
//
// DST: business hours are local wall-clock times, converted to instants day by day. A
// 09:00–17:00 day is 8 real hours unless the clocks change inside it: 7 h when a
// spring-forward gap falls inside, 9 h when a fall-back repeat does (00:00–24:00 is 23
// or 25 h). A wall time that does not exist moves forward by the gap; one that occurs
// twice means its first occurrence (see zoned.ts).
//
// Speed: each calendar object is compiled once and its days cached (a sweep reuses the
// org's calendar object for every ticket), and whole plain weeks are skipped, so a
// 30-business-day deadline costs a few microseconds. Treat calendars as immutable.

function toMs(minutes: number, what: string): number {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`${what} must be a finite number of minutes ≥ 0, got ${minutes}`)
  return Math.round(minutes * MINUTE_MS)
}

/**
 * The instant at which `minutes` of business time have elapsed after `start`.
 * The result is always inside business hours or exactly at the end of an interval
 * (a target used up at 17:00 is due at 17:00, not at the next opening). With 0 minutes
 * it is `start` if that is business time (`isBusinessTime`), else the next opening, so
 * adding a then b always equals adding a + b. 24x7 → plain addition.
 */
export function addBusinessMinutes(calendar: Calendar, start: Date, minutes: number): Date {
  return new Date(walk(compile(calendar), start.getTime(), toMs(minutes, 'minutes')).at)
}

/** Business minutes in [from, to] (ms precision, fractional); 0 when `to` ≤ `from`. */
export function businessMinutesBetween(calendar: Calendar, from: Date, to: Date): number {
  return walk(compile(calendar), from.getTime(), Infinity, to.getTime()).consumed / MINUTE_MS
}

/** Inside business hours, counting both ends of each interval as inside. */
export function isBusinessTime(calendar: Calendar, at: Date): boolean {
  const c = compile(calendar)
  if (calendar.mode === '24x7') return true
  const ms = at.getTime()
  const day = localDay(c.timeZone, ms)
  // At local midnight the previous day's interval may end exactly here ("…–24:00").
  for (const d of [day - 1, day]) {
    const intervals = dayIntervals(c, d)
    for (let i = 0; i < intervals.length; i += 2) if (intervals[i] <= ms && ms <= intervals[i + 1]) return true
  }
  return false
}

/**
 * A stretch of time the clock stood still (the ticket was `pending` / `on_hold`, or
 * resolved before a reopen). `to: null` = still paused. Pauses may overlap, be unsorted
 * or start before the clock did.
 */
export type Pause = { from: Date; to: Date | null }

export type SlaDeadline =
  /** The clock is running (or ran out before any open pause began): due at `due`. */
  | { paused: false; due: Date }
  /** An open pause stopped the clock with `remainingMinutes` of the target left. */
  | { paused: true; due: null; remainingMinutes: number }

type Span = { from: number; to: number }

/** Sorted, disjoint pauses clipped to start no earlier than `start`; open ones end at Infinity. */
function pauseSpans(pauses: readonly Pause[], start: number): Span[] {
  const spans = pauses
    .map((p) => {
      const from = p.from.getTime()
      const to = p.to === null ? Infinity : p.to.getTime()
      if (!(to >= from)) throw new RangeError(`A pause ends (${p.to?.toISOString()}) before it starts (${p.from.toISOString()})`)
      return { from: Math.max(from, start), to }
    })
    .filter((p) => p.to > p.from)
    .sort((a, b) => a.from - b.from)
  const merged: Span[] = []
  for (const p of spans) {
    const last = merged.at(-1)
    if (last && p.from <= last.to) last.to = Math.max(last.to, p.to)
    else merged.push({ ...p })
  }
  return merged
}

/**
 * The deadline of a target of `targetMinutes` business minutes whose clock started at
 * `startedAt`, not counting business time inside `pauses`. Recompute it from the same
 * `startedAt` with a new target when priority or category changes; model a reopen as a
 * pause from resolution to reopening. A deadline reached before a pause began stands:
 * pausing a breached ticket does not un-breach it.
 */
export function slaDeadline(calendar: Calendar, startedAt: Date, targetMinutes: number, pauses: readonly Pause[] = []): SlaDeadline {
  const c = compile(calendar)
  let remaining = toMs(targetMinutes, 'targetMinutes')
  let cursor = startedAt.getTime()
  for (const pause of pauseSpans(pauses, cursor)) {
    const run = walk(c, cursor, remaining, pause.from)
    if (run.done) return { paused: false, due: new Date(run.at) }
    remaining -= run.consumed
    if (pause.to === Infinity) return { paused: true, due: null, remainingMinutes: remaining / MINUTE_MS }
    cursor = pause.to
  }
  return { paused: false, due: new Date(walk(c, cursor, remaining).at) }
}

/** Business minutes counted by the clock from `startedAt` up to `at`, pauses excluded. */
export function slaElapsedMinutes(calendar: Calendar, startedAt: Date, pauses: readonly Pause[], at: Date): number {
  const c = compile(calendar)
  const end = at.getTime()
  let cursor = startedAt.getTime()
  let counted = 0
  for (const pause of pauseSpans(pauses, cursor)) {
    if (pause.from >= end) break
    counted += walk(c, cursor, Infinity, pause.from).consumed
    cursor = pause.to
  }
  if (cursor < end) counted += walk(c, cursor, Infinity, end).consumed
  return counted / MINUTE_MS
}
