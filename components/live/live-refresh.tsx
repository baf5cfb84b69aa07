'use client'
import { useRef } from 'react'
import { useReliableRefresh } from '@/components/router/use-reliable-refresh'
import type { ClientLiveEvent } from '@/lib/live/events'
import { useLiveEvents } from './live-events'

/**
 * Re-renders the page from the server when a live event concerns it: a ticket's page for
 * that ticket's events, a list for any ticket's, the header for the bell. The event says
 * only what changed; what is shown comes from the page's own, visibility-filtered queries.
 * Bursts (a reply that also changes the status and notifies) become one refresh; a list,
 * which hears of every ticket in the org, waits longer so a busy org costs each open list
 * at most one re-render a second. The refresh is one that is known to land, or is followed by
 * a reload when no input would be lost (components/router/use-reliable-refresh.ts).
 */
export function LiveRefresh({ org, number, kinds = ['ticket', 'comment'], delayMs = number === undefined ? 1000 : 150 }: {
  org: string; number?: number; kinds?: ClientLiveEvent['kind'][]; delayMs?: number
}) {
  const refresh = useReliableRefresh()
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  useLiveEvents(org, (e) => {
    if (!kinds.includes(e.kind)) return
    if (number !== undefined && e.number !== number) return
    if (timer.current) return
    timer.current = setTimeout(() => { timer.current = null; refresh() }, delayMs)
  })
  return null
}
