import { formatLocale, type Locale } from '@/lib/i18n/config'
import { isIsoDate, minuteOfDay, type Calendar } from './calendar'
// Human durations for SLA targets and countdowns. Client-safe.

/** 90 → "1 h 30 min", 1440 → "1 d", 45 → "45 min". Whole minutes, largest units first, at most two. */
export function formatMinutes(minutes: number): string {
  const m = Math.max(0, Math.round(minutes))
  if (m < 60) return `${m} min`
  const d = Math.floor(m / 1440)
  const h = Math.floor((m % 1440) / 60)
  const rest = m % 60
  if (d > 0) return h > 0 ? `${d} d ${h} h` : `${d} d`
  return rest > 0 ? `${h} h ${rest} min` : `${h} h`
}

/** A countdown to `due`, rounded for a glance: "due in 2 h", "overdue by 3 d". */
export function dueIn(due: Date, now: Date): string {
  const { overdue, span } = dueSpan(due, now)
  return overdue ? `overdue by ${span}` : `due in ${span}`
}

/** dueIn's parts, for a UI that words the sentence in the viewer's language. */
export function dueSpan(due: Date, now: Date): { overdue: boolean; span: string } {
  const diff = (due.getTime() - now.getTime()) / 60_000
  const span = Math.abs(diff)
  // Under two hours, minutes matter; beyond that the coarser unit reads faster.
  const text = span < 120 ? formatMinutes(span) : span < 2 * 1440 ? `${Math.floor(span / 60)} h` : `${Math.floor(span / 1440)} d`
  return { overdue: diff < 0, span: text }
}

/** Minutes of business time in each weekday of a calendar (0 = Sunday). */
function dayLengths(weekly: Calendar['weekly']): number[] {
  return weekly.map((intervals) => intervals.reduce((sum, [a, b]) => sum + Math.max(0, minuteOfDay(b) - minuteOfDay(a)), 0))
}

/** A translator for the `settings.policyForm.dayHint` messages (next-intl's t, or createTranslator's in tests). */
export type DayHintTranslator = (key: 'clock' | 'noHours' | 'business', values?: { uneven: 'yes' | 'no'; days: number; hours: number }) => string

/**
 * What "1 day" means for a policy target, computed from the org's actual calendar (issue 18:
 * the hint said "8 business hours" under a calendar of 10-hour days). A day-unit target is
 * 1440 minutes: of the clock for 24/7, of business time otherwise. The words come from the
 * catalogue (settings.policyForm.dayHint), so the hint speaks the viewer's language.
 */
export function dayTargetHint(weekly: Calendar['weekly'], businessHours: boolean, t: DayHintTranslator): string {
  if (!businessHours) return t('clock')
  const open = dayLengths(weekly).filter((m) => m > 0)
  if (open.length === 0) return t('noHours')
  const counts = new Map<number, number>()
  for (const m of open) counts.set(m, (counts.get(m) ?? 0) + 1)
  const typical = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0][0]
  const days = Number((1440 / typical).toFixed(1))
  return t('business', { uneven: counts.size > 1 ? 'yes' : 'no', days, hours: Number((typical / 60).toFixed(2)) })
}

/** "Wed 25 Dec 2026": a holiday date in the app's date style (a calendar date, so no zone shift), in the viewer's language. */
export function formatHolidayDate(isoDate: string, locale: Locale = 'en'): string {
  if (!isIsoDate(isoDate)) return ''
  const at = new Date(`${isoDate}T00:00:00Z`)
  const part = (o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(formatLocale[locale], { ...o, timeZone: 'UTC' }).format(at)
  // English keeps the app's "Wed 2 Dec 2026"; other languages punctuate as they write it ("Mi., 2. Dez. 2026").
  if (locale !== 'en') return part({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' })
  return `${part({ weekday: 'short' })} ${part({ day: 'numeric', month: 'short', year: 'numeric' })}`
}
