import type { Metadata } from 'next'
import { headers } from 'next/headers'
import './globals.css'
import { TimeZoneCookie } from '@/components/shell/time-zone-cookie'
import { RenderRevision } from '@/components/router/render-revision'
import { NONCE_HEADER } from '@/lib/http/security-headers'

export const metadata: Metadata = {
  title: { default: 'Helpdesk', template: '%s · Helpdesk' },
  description: 'Multi-tenant helpdesk: portal, agent workspace and admin settings.',
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Middleware's per-request CSP nonce. Reading headers() also makes every page render per
  // request, which a nonce needs: a prerendered page would carry a stale one.
  const nonce = (await headers()).get(NONCE_HEADER) ?? undefined
  return (
    <html lang="en">
      <body className="min-h-screen">
        <TimeZoneCookie nonce={nonce} />
        <RenderRevision />
        {children}
      </body>
    </html>
  )
}
