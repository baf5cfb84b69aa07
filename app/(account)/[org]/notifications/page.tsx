import { NewestOlderPager } from '@/components/ui/pager'
import type { Metadata } from 'next'
import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import { NotificationLink } from '@/components/notifications/notification-link'
import { ActionForm } from '@/components/ui/action-form'
import { buttonClass } from '@/components/ui/button'
import { EmptyState, PageHeader } from '@/components/ui/card'
import { isStaffRole } from '@/lib/authz/permissions'
import { formatNumber, formatTime, relativeTime } from '@/lib/format/time'
import type { Locale } from '@/lib/i18n/config'
import { listNotifications, unreadCount } from '@/lib/notifications'
import { UNREAD_CAP } from '@/lib/notifications/inbox'
import { pageCtx, viewerTimeZone } from '@/lib/pages/guard'
import { markAllReadAction, markReadAction } from './actions'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('account.notificationsPage'))('title') }
}

type Search = Record<string, string | string[] | undefined>
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)

export default async function NotificationsPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<Search> }) {
  const { org } = await params
  const before = one((await searchParams).before)
  const ctx = await pageCtx(org)
  const [{ rows, older }, unread, tz, t, locale] = await Promise.all([
    listNotifications(ctx, { before }), unreadCount(ctx), viewerTimeZone(ctx), getTranslations('account.notificationsPage'), getLocale() as Promise<Locale>,
  ])
  // Staff open tickets in the workspace, requesters in the portal (the same links the emails carry).
  const area = isStaffRole(ctx.role) ? 'tickets' : 'portal'
  const base = `/${org}/notifications`
  const now = new Date()
  // The "Mark read" column keeps its width only while some row on the page needs it.
  const anyUnread = rows.some((n) => !n.readAt)

  return (
    <>
      <PageHeader title={t('title')}
        subtitle={unread === 0 ? t('caughtUp') : t('unread', { count: unread >= UNREAD_CAP ? `${formatNumber(UNREAD_CAP - 1, locale)}+` : formatNumber(unread, locale) })}
        actions={<>
          <Link href={`/${org}/preferences`} className={buttonClass('ghost')}>{t('preferences')}</Link>
          {unread > 0 && <ActionForm action={markAllReadAction} fields={{ org }} label={t('markAllRead')} pendingLabel={t('marking')} />}
        </>} />

      {rows.length === 0 ? (
        before ? (
          <EmptyState title={t('noOlder')}>
            <Link href={base} className="font-medium text-indigo-600 hover:underline">{t('backToNewest')}</Link>
          </EmptyState>
        ) : (
          <EmptyState title={t('emptyTitle')}>
            <p>{t('emptyBody', { staff: isStaffRole(ctx.role) ? 'yes' : 'no' })}</p>
            <p className="mt-1">{t.rich('emptyPreferences', { link: (chunks) => <Link href={`/${org}/preferences`} className="font-medium text-indigo-600 underline hover:text-indigo-900">{chunks}</Link> })}</p>
          </EmptyState>
        )
      ) : (
        <ul aria-label={t('listLabel')} className="divide-y divide-slate-100 overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          {rows.map((n) => {
            const isUnread = !n.readAt
            const body = (
              <>
                <span className={`block break-words sm:truncate ${isUnread ? 'font-semibold text-slate-900' : 'text-slate-700'}`}>
                  {isUnread && <span className="sr-only">{t('unreadPrefix')}</span>}{n.title}
                </span>
                {n.body && <span className="mt-0.5 block break-words text-sm text-slate-600 sm:truncate">{n.body}</span>}
              </>
            )
            return (
              <li key={n.id} className={`flex items-start gap-3 px-4 py-3 ${isUnread ? 'bg-indigo-50/50' : ''}`}>
                <span aria-hidden className={`mt-2 h-2 w-2 shrink-0 rounded-full ${isUnread ? 'bg-indigo-600' : 'bg-transparent'}`} />
                {/* Narrow screens put the time under the text instead of squeezing the headline. */}
                <div className="min-w-0 flex-1 sm:flex sm:items-start sm:gap-3">
                  <div className="min-w-0 sm:flex-1">
                    {n.ticketNumber ? (
                      <NotificationLink href={`/${org}/${area}/${n.ticketNumber}`} org={org} id={n.id} unread={isUnread} markRead={markReadAction}
                        className="block rounded outline-offset-2 hover:[&>span:first-child]:underline">
                        {body}
                      </NotificationLink>
                    ) : body}
                  </div>
                  <time dateTime={n.createdAt.toISOString()} title={formatTime(n.createdAt, tz, 'd MMM yyyy, HH:mm', locale)} className="mt-1 block whitespace-nowrap text-xs text-slate-600 sm:mt-0.5 sm:shrink-0">
                    {relativeTime(n.createdAt, now, locale)}
                  </time>
                </div>
                {anyUnread && (
                  <div className="shrink-0 text-right sm:w-24">
                    {isUnread && (
                      <ActionForm action={markReadAction} fields={{ org, id: n.id }} label={<>{t('markRead')}<span className="sr-only">: {n.title}</span></>} pendingLabel="…" variant="ghost" className="px-2 py-1 text-xs" />
                    )}
                  </div>
                )}
              </li>
            )
          })}
        </ul>
      )}

      {rows.length > 0 && (
        <NewestOlderPager newestHref={before ? base : null} olderHref={older ? `${base}?before=${encodeURIComponent(older)}` : null} />
      )}
    </>
  )
}
