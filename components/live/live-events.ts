'use client'
import { useEffect, useRef } from 'react'
import type { ClientLiveEvent } from '@/lib/live/events'

type Listener = (e: ClientLiveEvent) => void
type Source = { es: EventSource; listeners: Set<Listener> }

// One EventSource per org per tab, shared by every component that listens (the bell, the
// list, the ticket page): browsers allow few connections per host over HTTP/1.1.
const sources = new Map<string, Source>()

function open(org: string): Source {
  const es = new EventSource(`/api/${encodeURIComponent(org)}/events`)
  const src: Source = { es, listeners: new Set() }
  es.addEventListener('live', (msg) => {
    let e: ClientLiveEvent
    try { e = JSON.parse((msg as MessageEvent<string>).data) } catch { return }
    for (const l of src.listeners) l(e)
  })
  // Marks the tab as connected, for tests and for anyone debugging a quiet page.
  es.addEventListener('ready', () => document.documentElement.setAttribute('data-live', 'ready'))
  es.addEventListener('error', () => document.documentElement.setAttribute('data-live', 'reconnecting'))
  return src
}

/** Calls `fn` for each live event of `org` this viewer may receive, while mounted. */
export function useLiveEvents(org: string, fn: Listener) {
  const ref = useRef(fn)
  ref.current = fn
  useEffect(() => {
    const src = sources.get(org) ?? open(org)
    sources.set(org, src)
    const l: Listener = (e) => ref.current(e)
    src.listeners.add(l)
    return () => {
      src.listeners.delete(l)
      if (src.listeners.size === 0) {
        src.es.close()
        sources.delete(org)
      }
    }
  }, [org])
}
