import { format, formatDistanceStrict } from 'date-fns'
import { TZDate } from '@date-fns/tz'

/** Times are shown in the viewer's zone (from the `tz` cookie the browser sets), else the org's. */
export function formatTime(date: Date | string | null | undefined, tz: string, pattern = 'd MMM yyyy, HH:mm'): string {
  if (!date) return '—'
  try {
    return format(new TZDate(new Date(date), tz), pattern)
  } catch {
    return format(new Date(date), pattern)
  }
}

export function relativeTime(date: Date | string, now = new Date()): string {
  return formatDistanceStrict(new Date(date), now, { addSuffix: true })
}

export function isValidTimeZone(tz: string | undefined): tz is string {
  if (!tz) return false
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz })
    return true
  } catch {
    return false
  }
}
