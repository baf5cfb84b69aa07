'use client'
import Link from 'next/link'
import { usePathname } from 'next/navigation'

export function NavLink({ href, children }: { href: string; children: React.ReactNode }) {
  const path = usePathname()
  // "Tickets" stays current on a ticket's page, but not on "New ticket".
  const current = path === href || (path.startsWith(href + '/') && !path.endsWith('/new'))
  return (
    <Link href={href} aria-current={current ? 'page' : undefined}
      className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900 aria-[current=page]:bg-indigo-50 aria-[current=page]:text-indigo-700">
      {children}
    </Link>
  )
}
