import { z } from 'zod'
import { isValidTimeZone } from '@/lib/format/time'

// Client-safe: the calendar settings form validates with this same schema (zodResolver)
// and the server parses with it before saving.

/** A local wall-clock time "HH:mm", 00:00–24:00 ("24:00" only makes sense as an end). */
export type TimeOfDay = string
/** One stretch of business hours on a weekday, in the calendar's time zone. */
export type BusinessInterval = readonly [start: TimeOfDay, end: TimeOfDay]

export type Calendar = {
  /** IANA name, e.g. "Europe/London". Business hours and holidays are read in this zone. */
  timeZone: string
  /** '24x7': every minute counts (weekly hours and holidays are ignored). */
  mode: 'business' | '24x7'
  /** Index 0 = Sunday … 6 = Saturday; several intervals a day allow a lunch break. */
  weekly: readonly (readonly BusinessInterval[])[]
  /** Local dates 'YYYY-MM-DD' on which no business hours apply. */
  holidays: readonly string[]
  /** Each holiday's name ("Christmas Day"), by the same index; the clock never reads it. */
  holidayNames?: readonly string[]
}

export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const

const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Minutes after local midnight for "HH:mm" (0–1440), or NaN when malformed. */
export function minuteOfDay(time: string): number {
  if (!TIME_RE.test(time)) return NaN
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))
}

/** True for an existing calendar date written 'YYYY-MM-DD' (rejects 2025-02-30). */
export function isIsoDate(value: string): boolean {
  const m = DATE_RE.exec(value)
  if (!m) return false
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3])
}

const timeOfDay = z.string().trim().regex(TIME_RE, 'Use a 24-hour time from 00:00 to 24:00, e.g. 09:00')
const interval = z.tuple([timeOfDay, timeOfDay])

export const CalendarSchema = z
  .object({
    timeZone: z
      .string()
      .trim()
      .min(1, 'Choose a time zone')
      .refine(isValidTimeZone, (tz) => ({ message: `Unknown time zone "${tz}": use an IANA name such as Europe/London` })),
    mode: z.enum(['business', '24x7'], { errorMap: () => ({ message: 'Choose business hours or 24/7' }) }),
    weekly: z.array(z.array(interval)).length(7, 'Give business hours for each of the 7 weekdays (Sunday first)'),
    holidays: z.array(z.string().trim().refine(isIsoDate, 'Use a real date written YYYY-MM-DD')),
    // Optional for callers that have none (old API clients); the settings form always sends them.
    holidayNames: z.array(z.string().trim().max(80, 'Keep the name under 80 characters')).optional(),
  })
  .superRefine((cal, ctx) => {
    cal.weekly.forEach((intervals, day) => {
      const name = WEEKDAY_NAMES[day] ?? `Day ${day}`
      intervals.forEach(([start, end], i) => {
        if (minuteOfDay(end) <= minuteOfDay(start)) {
          ctx.addIssue({ code: 'custom', path: ['weekly', day, i, 1], message: `${name}: closing time ${end} must be after opening time ${start}` })
        }
      })
      // Compare every pair, not just neighbours: the form keeps rows in the order typed.
      intervals.forEach(([start, end], i) => {
        for (let j = 0; j < i; j++) {
          const [otherStart, otherEnd] = intervals[j]
          if (minuteOfDay(start) < minuteOfDay(otherEnd) && minuteOfDay(otherStart) < minuteOfDay(end)) {
            ctx.addIssue({ code: 'custom', path: ['weekly', day, i], message: `${name}: ${start}–${end} overlaps ${otherStart}–${otherEnd}` })
          }
        }
      })
    })
    if (cal.mode === 'business' && cal.weekly.every((intervals) => intervals.length === 0)) {
      ctx.addIssue({ code: 'custom', path: ['weekly'], message: 'Business hours need at least one open interval in the week' })
    }
    const seen = new Set<string>()
    cal.holidays.forEach((date, i) => {
      if (seen.has(date)) ctx.addIssue({ code: 'custom', path: ['holidays', i], message: `${date} is listed twice` })
      seen.add(date)
      if (cal.holidayNames && !cal.holidayNames[i]) ctx.addIssue({ code: 'custom', path: ['holidayNames', i], message: 'Name this holiday, e.g. Christmas Day' })
    })
  })

/** Monday–Friday 09:00–17:00, no holidays: the default for a new organisation. */
export function officeHours(timeZone: string): Calendar {
  const day: BusinessInterval[] = [['09:00', '17:00']]
  return { timeZone, mode: 'business', weekly: [[], day, day, day, day, day, []], holidays: [] }
}
