import 'server-only'
import { getLocale, getTranslations } from 'next-intl/server'
import { formatNumber } from '@/lib/format/time'
import type { Locale } from '@/lib/i18n/config'

/**
 * The dashboard's and reports' figures as the viewer's language writes them: counts
 * ("1,234" / "1.234"), percentages and durations. Durations keep lib/sla/format's
 * formatMinutes rules (whole minutes, largest units first, at most two) with the units
 * from the catalogue (insight.figures), so English reads exactly as before: "1 h 30 min".
 */
export async function figureFormat() {
  const [t, locale] = await Promise.all([getTranslations('insight.figures'), getLocale() as Promise<Locale>])
  const n = (x: number) => formatNumber(x, locale)
  const minutes = (value: number) => {
    const m = Math.max(0, Math.round(value))
    if (m < 60) return t('minutes', { m: n(m) })
    const d = Math.floor(m / 1440)
    const h = Math.floor((m % 1440) / 60)
    const rest = m % 60
    if (d > 0) return h > 0 ? t('daysHours', { d: n(d), h: n(h) }) : t('days', { d: n(d) })
    return rest > 0 ? t('hoursMinutes', { h: n(h), m: n(rest) }) : t('hours', { h: n(h) })
  }
  return {
    locale,
    n,
    /** A median in seconds: "—" when there is none, "under 1 min" below a minute. */
    duration: (s: number | null) => (s === null ? '—' : s < 60 ? t('underOneMinute') : minutes(s / 60)),
    percent: (p: number | null | undefined) => (p == null ? '—' : t('percent', { percent: n(p) })),
  }
}
