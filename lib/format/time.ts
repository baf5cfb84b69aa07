import { formatDistanceStrict } from 'date-fns'
import { de as dateFnsDe } from 'date-fns/locale/de'
import { formatLocale, type Locale } from '@/lib/i18n/config'

/** The pattern letters formatTime understands (date-fns / Unicode names); anything else is literal. */
export type TimePattern = 'd MMM yyyy, HH:mm' | 'd MMM yyyy, HH:mm:ss' | 'd MMM, HH:mm' | 'd MMM, HH:mm:ss' | 'd MMM yyyy'

// One formatter per zone, kept: building an Intl.DateTimeFormat costs far more than using
// one, and a list page formats 150 times (date-fns' TZDate re-derived the offset per field).
const formatters = new Map<string, Intl.DateTimeFormat>()
/** One cached Intl.DateTimeFormat per (locale, options, zone); shared by the formatters in lib/format. */
export function zoneFormatter(locale: string, options: Intl.DateTimeFormatOptions, tz: string): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}|${tz}`
  let f = formatters.get(key)
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone: tz })
    if (formatters.size > 500) formatters.clear()
    formatters.set(key, f)
  }
  return f
}
const displayOptions: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }
const formatterFor = (tz: string) => zoneFormatter('en-GB', displayOptions, tz)

// Each pattern's fields, for a locale other than English: Intl writes them in that locale's
// own order and punctuation ("7. Dez. 2026, 14:05").
const patternOptions: Record<TimePattern, Intl.DateTimeFormatOptions> = {
  'd MMM yyyy, HH:mm': { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  'd MMM yyyy, HH:mm:ss': { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' },
  'd MMM, HH:mm': { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  'd MMM, HH:mm:ss': { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' },
  'd MMM yyyy': { day: 'numeric', month: 'short', year: 'numeric' },
}

/**
 * Times are shown in the viewer's zone (from the `tz` cookie the browser sets), else the org's;
 * an unknown zone falls back to UTC. `locale` is the viewer's interface language (issue 18):
 * English keeps the app's "7 Dec 2026, 14:05"; others are written as that language writes them.
 */
export function formatTime(date: Date | string | null | undefined, tz: string, pattern: TimePattern = 'd MMM yyyy, HH:mm', locale: Locale = 'en'): string {
  if (!date) return '—'
  const d = new Date(date)
  if (Number.isNaN(d.getTime())) return '—'
  if (locale !== 'en') {
    try {
      return zoneFormatter(formatLocale[locale], patternOptions[pattern], tz).format(d)
    } catch {
      return zoneFormatter(formatLocale[locale], patternOptions[pattern], 'UTC').format(d)
    }
  }
  let parts: Intl.DateTimeFormatPart[]
  try {
    parts = formatterFor(tz).formatToParts(d)
  } catch {
    parts = formatterFor('UTC').formatToParts(d)
  }
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? ''
  const month = get('month')
  const fields: Record<string, string> = {
    d: get('day'), MMM: month === 'Sept' ? 'Sep' : month, yyyy: get('year'), HH: get('hour'), mm: get('minute'), ss: get('second'),
  }
  return pattern.replace(/yyyy|MMM|HH|mm|ss|d/g, (token) => fields[token])
}

const dateFnsLocales = { de: dateFnsDe } as const
/** "3 minutes ago" / "vor 3 Minuten". */
export function relativeTime(date: Date | string, now = new Date(), locale: Locale = 'en'): string {
  return formatDistanceStrict(new Date(date), now, { addSuffix: true, locale: locale === 'en' ? undefined : dateFnsLocales[locale] })
}

/** A count as the viewer's language writes it ("1,000" / "1.000"). */
export function formatNumber(n: number, locale: Locale = 'en', options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(formatLocale[locale], options).format(n)
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
