import type { Metadata } from 'next'
import { cookies, headers } from 'next/headers'
import { getLocale, getTranslations } from 'next-intl/server'
import './globals.css'
import { TimeZoneCookie } from '@/components/shell/time-zone-cookie'
import { RenderRevision } from '@/components/router/render-revision'
import { ClientMessages } from '@/components/i18n/client-messages'
import { NONCE_HEADER } from '@/lib/http/security-headers'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('common')
  return { title: { default: t('appName'), template: `%s · ${t('appName')}` }, description: t('appDescription') }
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Middleware's per-request CSP nonce. Reading headers() also makes every page render per
  // request, which a nonce needs: a prerendered page would carry a stale one.
  const nonce = (await headers()).get(NONCE_HEADER) ?? undefined
  // A chosen theme is rendered on the server, so the first paint is right (no flash); without
  // one, globals.css follows prefers-color-scheme.
  const theme = (await cookies()).get('theme')?.value
  const [locale, t] = await Promise.all([getLocale(), getTranslations('common')])
  return (
    <html lang={locale} data-theme={theme === 'dark' || theme === 'light' ? theme : undefined}>
      <body className="min-h-screen">
        {/* First stop for keyboard users on every page: past the header straight to the page's <main id="main">. */}
        <a href="#main" className="sr-only rounded-md bg-white px-4 py-2 font-medium text-indigo-700 shadow-lg ring-2 ring-indigo-600 focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50">
          {t('skipToContent')}
        </a>
        <TimeZoneCookie nonce={nonce} />
        <RenderRevision />
        <ClientMessages namespaces={['auth.error']}>{children}</ClientMessages>
      </body>
    </html>
  )
}
