'use client'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslations } from 'next-intl'
import { useLiveEvents } from '@/components/live/live-events'
import type { Presence } from '@/lib/presence/list-presence'
import { PRESENCE_HEARTBEAT_MS } from '@/lib/presence/schemas'

/** Typing stops counting this long after the last keystroke. */
const TYPING_IDLE_MS = 5_000

/**
 * The collision warning (issue 16): tells the server this staff member has the ticket open
 * (and whether they are typing in the composer it wraps), and shows who else does, live.
 * Presence lives in the database with a 30 s expiry, so it holds across app instances.
 */
export function TicketPresence({ org, number, children }: { org: string; number: number; children: React.ReactNode }) {
  const t = useTranslations('tickets.ticketPresence')
  const url = `/api/${encodeURIComponent(org)}/tickets/${number}/presence`
  const [people, setPeople] = useState<Presence[]>([])
  const typing = useRef(false)
  const idle = useRef<ReturnType<typeof setTimeout> | null>(null)

  const beat = useCallback((isTyping: boolean) => {
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ typing: isTyping }) }).catch(() => {})
  }, [url])
  const load = useCallback(async () => {
    const res = await fetch(url, { cache: 'no-store' }).catch(() => null)
    if (res?.ok) setPeople(((await res.json()) as { people: Presence[] }).people)
  }, [url])

  useEffect(() => {
    beat(false)
    void load()
    // The heartbeat; the list is re-read as often, which also drops colleagues whose page closed without a word.
    const timer = setInterval(() => { beat(typing.current); void load() }, PRESENCE_HEARTBEAT_MS)
    const leave = () => { fetch(url, { method: 'DELETE', keepalive: true }).catch(() => {}) }
    window.addEventListener('pagehide', leave)
    return () => { clearInterval(timer); window.removeEventListener('pagehide', leave); leave() }
  }, [beat, load, url])

  useLiveEvents(org, (e) => { if (e.kind === 'presence' && e.number === number) void load() })

  const onInput = () => {
    if (!typing.current) { typing.current = true; beat(true) }
    if (idle.current) clearTimeout(idle.current)
    idle.current = setTimeout(() => { typing.current = false; beat(false) }, TYPING_IDLE_MS)
  }

  return (
    <div onInput={onInput} className="space-y-2">
      <div aria-live="polite" data-testid="presence">
        {people.length > 0 && (
          <ul className="flex flex-wrap gap-2 text-sm">
            {people.map((p) => (
              <li key={p.userId} className={`inline-flex items-center gap-1.5 rounded-full px-2.5 py-1 ring-1 ${p.typing ? 'bg-amber-50 text-amber-800 ring-amber-200' : 'bg-slate-50 text-slate-700 ring-slate-200'}`}>
                <span aria-hidden className={`h-2 w-2 rounded-full ${p.typing ? 'animate-pulse bg-amber-500' : 'bg-emerald-500'}`} />
                {p.typing ? t('typing', { name: p.name }) : t('viewing', { name: p.name })}
              </li>
            ))}
          </ul>
        )}
      </div>
      {children}
    </div>
  )
}
