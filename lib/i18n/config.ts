/**
 * The languages the interface speaks (issue 18). Every UI string goes through next-intl with
 * the catalogues in ./messages/<locale>/<namespace>.json; a locale is complete when it has
 * every key English has (messages.test.ts). Chosen by the `locale` cookie (Preferences and the
 * sign-in page set it), else the browser's Accept-Language, else English.
 */
export const locales = ['en', 'de'] as const
export type Locale = (typeof locales)[number]
export const defaultLocale: Locale = 'en'
export const LOCALE_COOKIE = 'locale'
/** Each language named in itself, as a language picker shows it. */
export const localeNames: Record<Locale, string> = { en: 'English', de: 'Deutsch' }
/** The BCP 47 tag used for dates and numbers: English keeps day-month-year (en-GB), as the app always wrote it. */
export const formatLocale: Record<Locale, string> = { en: 'en-GB', de: 'de-DE' }

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value)
}

/** The best supported locale for an Accept-Language header (RFC 9110 q-values; `de-AT` matches `de`). */
export function negotiateLocale(header: string | null | undefined): Locale {
  if (!header) return defaultLocale
  const wanted = header.split(',').map((part, i) => {
    const [tag, ...params] = part.trim().split(';')
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    const weight = q ? Number(q.slice(2)) : 1
    return { tag: (tag ?? '').trim().toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, i }
  }).filter((w) => w.tag && w.weight > 0).sort((a, b) => b.weight - a.weight || a.i - b.i)
  for (const { tag } of wanted) {
    const base = tag.split('-')[0]
    if (isLocale(base)) return base
  }
  return defaultLocale
}
