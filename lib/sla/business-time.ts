import { minuteOfDay, type Calendar } from './calendar'
import { DAY_MS, dayNumber, instantOf, localDay, MINUTE_MS, weekday } from './zoned'

// The engine behind clock.ts: a calendar compiled once, business intervals materialised
// per local day and cached, and one forward walk that both "add business time" and
// "measure business time" use, so the two can never disagree.

type Week = { start: number; end: number; plain: boolean }

type Compiled = {
  calendar: Calendar
  timeZone: string
  /** Per weekday, interval bounds in minutes after midnight, flattened [s0, e0, s1, e1 …]. */
  weekly: number[][]
  /** Business ms in a week with no holiday and no UTC-offset change. */
  weekMs: number
  holidays: Set<number>
  days: Map<number, number[]>
  weeks: Map<number, Week>
}

// A sweep evaluates thousands of tickets against the same few org calendars: converting
// a day's hours to instants costs a few tzOffset (Intl) calls, a cache hit costs nothing.
const compiled = new WeakMap<Calendar, Compiled>()
const CACHE_LIMIT = 20_000

/** Calendars are treated as immutable: change one by building a new object. */
export function compile(calendar: Calendar): Compiled {
  let c = compiled.get(calendar)
  if (c) return c
  if (calendar.mode === 'business' && Number.isNaN(localDay(calendar.timeZone, 0))) {
    throw new RangeError(`Unknown time zone "${calendar.timeZone}"`)
  }
  const weekly = Array.from({ length: 7 }, (_, d) =>
    [...(calendar.weekly[d] ?? [])]
      .map(([s, e]) => [minuteOfDay(s), minuteOfDay(e)])
      .filter(([s, e]) => s < e)
      .sort((a, b) => a[0] - b[0])
      .flat(),
  )
  const weekMs = weekly.flat().reduce((sum, m, i) => sum + (i % 2 ? m : -m), 0) * MINUTE_MS
  c = {
    calendar,
    timeZone: calendar.timeZone,
    weekly,
    weekMs,
    holidays: new Set(calendar.holidays.map(dayNumber)),
    days: new Map(),
    weeks: new Map(),
  }
  compiled.set(calendar, c)
  return c
}

function remember<K, V>(map: Map<K, V>, key: K, value: V): V {
  if (map.size >= CACHE_LIMIT) map.clear()
  map.set(key, value)
  return value
}

/**
 * Business intervals of one local date as instants, flattened [s0, e0, …], ascending and
 * disjoint. Wall times become instants one by one, so an interval that spans a DST change
 * is an hour shorter (spring forward) or longer (fall back) in real time.
 */
export function dayIntervals(c: Compiled, day: number): number[] {
  const hit = c.days.get(day)
  if (hit) return hit
  const out: number[] = []
  if (!c.holidays.has(day)) {
    const bounds = c.weekly[weekday(day)]
    for (let i = 0; i < bounds.length; i += 2) {
      // An interval that starts in a skipped hour can land on or before the previous end.
      const start = Math.max(instantOf(c.timeZone, day, bounds[i]), out.at(-1) ?? -Infinity)
      const end = instantOf(c.timeZone, day, bounds[i + 1])
      if (end > start) out.push(start, end)
    }
  }
  return remember(c.days, day, out)
}

/**
 * The 7 local days from `day`: a "plain" week has no holiday and keeps one UTC offset,
 * so its business time is exactly `weekMs` and a walk can jump over it without
 * materialising the days. Checked by the week's two midnights being exactly 7×24 h
 * apart, which assumes a zone never changes offset and back within one week (true of
 * every zone in current IANA data).
 */
function week(c: Compiled, day: number): Week {
  const hit = c.weeks.get(day)
  if (hit) return hit
  const start = instantOf(c.timeZone, day, 0)
  const end = instantOf(c.timeZone, day + 7, 0)
  let plain = end - start === 7 * DAY_MS
  for (let d = day; plain && d < day + 7; d++) plain = !c.holidays.has(d)
  return remember(c.weeks, day, { start, end, plain })
}

export type Walk = { at: number; consumed: number; done: boolean }

// Far beyond any SLA target; only a calendar with no business time left could get here.
const MAX_DAYS = 366 * 100

/**
 * Walk forward from `from`, counting business time, until `budget` ms have been counted
 * (done: `at` is that instant, always inside an interval or at its end) or until
 * `until` is reached (not done: `consumed` is what was counted in [from, until]).
 * A budget of 0 stops at `from` if that is business time (an interval's end included),
 * else at the next opening.
 */
export function walk(c: Compiled, from: number, budget: number, until = Infinity): Walk {
  if (c.calendar.mode === '24x7') {
    const span = Math.max(0, until - from)
    return budget <= span ? { at: from + budget, consumed: budget, done: true } : { at: until, consumed: span, done: false }
  }
  if (until <= from) return { at: until, consumed: 0, done: false }
  if (c.weekMs === 0 && until === Infinity) throw new RangeError('The calendar has no business hours')
  // From the day before: `from` may be exactly yesterday's "…–24:00" end (see below).
  const firstDay = localDay(c.timeZone, from) - 1
  const lastDay = until === Infinity ? Infinity : localDay(c.timeZone, until)
  let consumed = 0
  for (let day = firstDay; day <= lastDay; day++) {
    if (day - firstDay > MAX_DAYS) throw new RangeError('No business time found within 100 years')
    if (budget - consumed > c.weekMs && day + 7 <= lastDay + 1) {
      const w = week(c, day)
      if (w.plain && w.start >= from && w.end <= until) {
        consumed += c.weekMs
        day += 6
        continue
      }
    }
    const intervals = dayIntervals(c, day)
    for (let i = 0; i < intervals.length; i += 2) {
      const start = Math.max(intervals[i], from)
      const end = Math.min(intervals[i + 1], until)
      if (start >= until) return { at: until, consumed, done: false }
      if (end <= start) {
        // `from` is exactly an interval's end, which counts as business time (the
        // interval is closed), so a zero budget is met right there.
        if (end === start && consumed === budget) return { at: start, consumed, done: true }
        continue
      }
      if (consumed + (end - start) >= budget) return { at: start + (budget - consumed), consumed: budget, done: true }
      consumed += end - start
    }
  }
  return { at: until, consumed, done: false }
}
