import Link from 'next/link'
import { cookies } from 'next/headers'
import { getTranslations } from 'next-intl/server'
import type { Ctx } from '@/lib/auth/ctx'
import { unreadCount } from '@/lib/notifications'
import { myOrganizations, homePath } from '@/lib/orgs/my-organizations'
import { signOutAction } from '@/app/(auth)/sign-in/actions'
import { NavLink } from './nav-link'
import { NotificationBell } from './notification-bell'
import { ThemeToggle, type Theme } from './theme-toggle'
import { LiveRefresh } from '@/components/live/live-refresh'

/** Header for every org page: org switcher, the areas this role may use, the user and sign-out. */
export async function AppHeader({ ctx }: { ctx: Ctx }) {
  const [orgs, unread, jar, t] = await Promise.all([myOrganizations(ctx.user.id), unreadCount(ctx), cookies(), getTranslations('common')])
  const chosen = jar.get('theme')?.value
  const theme: Theme = chosen === 'dark' || chosen === 'light' ? chosen : 'system'
  const o = ctx.org.slug
  const staff = ctx.role !== 'requester'
  const nav = [
    ...(staff ? [{ href: `/${o}/tickets`, label: t('header.tickets') }, { href: `/${o}/tickets/new`, label: t('header.newTicket') }] : []),
    ...(staff ? [{ href: `/${o}/dashboard`, label: t('header.dashboard') }, { href: `/${o}/reports`, label: t('header.reports') }] : []),
    { href: `/${o}/portal`, label: staff ? t('header.portalPreview') : t('header.myTickets') },
    ...(!staff ? [{ href: `/${o}/portal/new`, label: t('header.newRequest') }] : []),
    ...(ctx.role === 'admin' ? [{ href: `/${o}/settings/members`, label: t('header.settings') }] : []),
  ]
  return (
    <header className="border-b border-slate-200 bg-white">
      {/* On a phone: org and the user's controls on the first line, the nav on its own line below. */}
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-3 gap-y-2 px-4 py-3 md:gap-x-6">
        <details className="group relative min-w-0 flex-1 basis-0 md:flex-none md:basis-auto">
          {/* Named by its visible text (label-in-name); "switch organisation" is only added when there is a choice. */}
          <summary className="flex min-w-0 cursor-pointer list-none items-center gap-2 rounded-md px-2 py-1 hover:bg-slate-100">
            <span className="flex h-7 w-7 shrink-0 items-center justify-center rounded-md bg-indigo-600 text-sm font-bold text-white" aria-hidden>{ctx.org.name[0]}</span>
            <span className="truncate font-semibold">{ctx.org.name}</span>
            {orgs.length > 1 && <><span className="sr-only">{t('header.switchOrganisation')}</span><span aria-hidden className="text-slate-600">{'▾'}</span></>}
          </summary>
          {orgs.length > 1 && (
            <ul className="absolute left-0 z-20 mt-1 w-64 rounded-md bg-white py-1 shadow-lg ring-1 ring-slate-200">
              {orgs.map((org) => (
                <li key={org.slug}>
                  <Link href={homePath(org.slug, org.role)} aria-current={org.slug === o ? 'true' : undefined}
                    className="flex justify-between px-3 py-2 text-sm hover:bg-slate-50 aria-[current=true]:font-semibold">
                    {org.name}<span className="text-slate-600">{t(`role.${org.role}`)}</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </details>
        <nav aria-label={t('header.mainNav')} className="order-last -mx-2 flex w-full flex-wrap gap-1 md:order-none md:mx-0 md:w-auto md:flex-1">
          {nav.map((n) => <NavLink key={n.href} href={n.href}>{n.label}</NavLink>)}
        </nav>
        <div className="ml-auto flex shrink-0 items-center gap-1 text-sm sm:gap-3 md:ml-0">
          <ThemeToggle initial={theme} />
          <NotificationBell org={o} unread={unread} />
          {/* The bell's count follows new notifications live (issue 16). */}
          <LiveRefresh org={o} kinds={['inbox']} delayMs={300} />
          <span className="hidden text-slate-600 sm:inline"><span className="font-medium text-slate-900">{ctx.user.name}</span> · <span>{t(`role.${ctx.role}`)}</span></span>
          <form action={signOutAction}><button className="whitespace-nowrap rounded-md px-2 py-1 text-slate-700 hover:bg-slate-100">{t('header.signOut')}</button></form>
        </div>
      </div>
    </header>
  )
}
