// Client-safe, pure: the dashboard's date range as the viewer's calendar days.
import { z } from 'zod'
import { zoneFormatter } from '@/lib/format/time'

export const DEFAULT_DAYS = 30
/** A year and a day: a leap year's range still fits; longer ranges are cut to it. */
export const MAX_DAYS = 366

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s))

/** The URL's filter (`?from=2026-11-01&to=2026-11-30&team=…`); anything malformed falls back to the default rather than failing the page. */
export const InsightQuery = z.object({
  from: isoDate.optional().catch(undefined),
  to: isoDate.optional().catch(undefined),
  team: z.string().uuid().optional().catch(undefined),
})
export type InsightQueryInput = z.input<typeof InsightQuery>

export type DayRange = { from: string; to: string; days: string[]; timeZone: string }

const dayMs = 86_400_000
const toMs = (d: string) => Date.parse(`${d}T00:00:00Z`)
const toDay = (ms: number) => new Date(ms).toISOString().slice(0, 10)

/** Today's date in the zone, as yyyy-mm-dd. */
export function todayIn(timeZone: string, now = new Date()): string {
  return zoneFormatter('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }, timeZone).format(now)
}

/** The range to show: the last 30 days by default, ends swapped when reversed, at most MAX_DAYS long (the start moves). */
export function resolveRange(q: { from?: string; to?: string }, timeZone: string, now = new Date()): DayRange {
  let to = q.to ?? todayIn(timeZone, now)
  let from = q.from ?? toDay(toMs(to) - (DEFAULT_DAYS - 1) * dayMs)
  if (toMs(from) > toMs(to)) [from, to] = [to, from]
  if ((toMs(to) - toMs(from)) / dayMs + 1 > MAX_DAYS) from = toDay(toMs(to) - (MAX_DAYS - 1) * dayMs)
  const days: string[] = []
  for (let ms = toMs(from); ms <= toMs(to); ms += dayMs) days.push(toDay(ms))
  return { from, to, days, timeZone }
}
