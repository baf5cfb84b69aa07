import { getRequestConfig } from 'next-intl/server'
import { cookies, headers } from 'next/headers'
import { isValidTimeZone } from '@/lib/format/time'
import { defaultLocale, isLocale, LOCALE_COOKIE, negotiateLocale, type Locale } from './config'
import { catalogues } from './messages'

/** The request's locale: the `locale` cookie when it names a supported one, else Accept-Language. */
export async function requestLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value
  if (isLocale(chosen)) return chosen
  return negotiateLocale((await headers()).get('accept-language'))
}

// next-intl's per-request configuration (wired in next.config.ts). Server components read it
// through getTranslations / getFormatter; <ClientMessages> hands client components the
// namespaces they need, not the whole catalogue.
export default getRequestConfig(async () => {
  let locale: Locale = defaultLocale
  let timeZone = 'UTC'
  try {
    locale = await requestLocale()
    const tz = (await cookies()).get('tz')?.value
    if (isValidTimeZone(tz)) timeZone = tz
  } catch {
    // Outside a request (a script, a test): English, UTC.
  }
  return {
    locale,
    timeZone,
    messages: catalogues[locale],
    // A key missing from a catalogue shows English rather than the key's path (the parity test keeps this from happening).
    getMessageFallback: ({ namespace, key }) => {
      const path = [namespace, key].filter(Boolean).join('.')
      const english = path.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), catalogues.en)
      return typeof english === 'string' ? english : path
    },
  }
})
