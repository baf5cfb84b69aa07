'use client'
import { useEffect, useState } from 'react'

type Message = { text: string; at: number }
const listeners = new Set<(m: Message) => void>()

/**
 * Confirms a saved change where the person is looking (issue 18: after an assignment, an edit,
 * a delete or a reopen the page re-rendered in place with nothing to say it had worked, and a
 * form keyed on the saved values remounted, taking its own "Saved." with it). Forms call
 * `flash(text)` through useServerAction's `flash` option; the page's one <FlashRegion>, which
 * outlives those remounts, shows it fixed in the viewport and announces it.
 */
export function flash(text: string) {
  const m = { text, at: Date.now() }
  for (const l of listeners) l(m)
}

const SHOWN_MS = 6_000

export function FlashRegion() {
  const [message, setMessage] = useState<Message | null>(null)
  useEffect(() => {
    const l = (m: Message) => setMessage(m)
    listeners.add(l)
    return () => { listeners.delete(l) }
  }, [])
  useEffect(() => {
    if (!message) return
    const t = setTimeout(() => setMessage(null), SHOWN_MS)
    return () => clearTimeout(t)
  }, [message])
  // The live region stays in the page, empty, so its first message is announced too.
  return (
    <div className="pointer-events-none fixed inset-x-0 bottom-6 z-50 flex justify-center px-4">
      <p role="status" aria-live="polite" data-testid="flash"
        className={message ? 'pointer-events-auto rounded-md bg-slate-900 px-4 py-2.5 text-sm font-medium text-white shadow-lg' : 'sr-only'}>
        {message && <span key={message.at}>{`✓ ${message.text}`}</span>}
      </p>
    </div>
  )
}
