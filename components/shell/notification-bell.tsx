'use client'
import Link from 'next/link'
import { usePathname } from 'next/navigation'
import { useTranslations } from 'next-intl'

/** The header's bell: a plain link (works without JS); the count comes from the server render. */
export function NotificationBell({ org, unread }: { org: string; unread: number }) {
  const href = `/${org}/notifications`
  const current = usePathname() === href
  // The count stops at 100 (lib/notifications/inbox.ts): beyond 99 it says "99+", to screen readers too.
  const shown = unread > 99 ? '99+' : String(unread)
  const label = useTranslations('common.bell')('label', { unread, shown })
  return (
    <Link href={href} aria-label={label} title={label} aria-current={current ? 'page' : undefined}
      className="inline-flex h-9 min-w-9 items-center justify-center gap-1 rounded-md px-2 text-slate-600 hover:bg-slate-100 hover:text-slate-900 aria-[current=page]:bg-indigo-50 aria-[current=page]:text-indigo-700">
      <svg aria-hidden viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" className="h-5 w-5 shrink-0">
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {unread > 0 && (
        <span aria-hidden className="min-w-5 rounded-full bg-rose-600 px-1.5 text-center text-[11px] font-semibold leading-5 text-white tabular-nums">
          {shown}
        </span>
      )}
    </Link>
  )
}
