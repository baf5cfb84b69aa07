'use client'
import Link from 'next/link'
import type { ReactNode } from 'react'
import type { ActionState } from '@/lib/actions/state'

/**
 * Opens the ticket and marks the notification read on the way. The action is fired, not
 * awaited: the navigation takes priority, the write still lands, and the router refreshes
 * afterwards so the bell's count follows. It stays a real link (new tab, copy address).
 */
export function NotificationLink({ href, org, id, unread, markRead, className, children }: {
  href: string; org: string; id: string; unread: boolean; className?: string; children: ReactNode
  markRead: (prev: ActionState, form: FormData) => Promise<ActionState>
}) {
  const onClick = () => {
    if (!unread) return
    const form = new FormData()
    form.set('org', org)
    form.set('id', id)
    void markRead({ ok: null }, form)
  }
  return <Link href={href} onClick={onClick} className={className}>{children}</Link>
}
