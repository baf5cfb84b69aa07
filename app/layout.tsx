import type { Metadata } from 'next'
import './globals.css'
import { TimeZoneCookie } from '@/components/shell/time-zone-cookie'

export const metadata: Metadata = {
  title: { default: 'Helpdesk', template: '%s · Helpdesk' },
  description: 'Multi-tenant helpdesk: portal, agent workspace and admin settings.',
}

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <TimeZoneCookie />
        {children}
      </body>
    </html>
  )
}
