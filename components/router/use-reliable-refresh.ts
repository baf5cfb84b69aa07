'use client'
import { useCallback, useEffect, useRef, useTransition } from 'react'
import { useRouter } from 'next/navigation'

/** How long a refresh may take before it counts as lost. */
export const STUCK_REFRESH_MS = 8_000

// Mirrors render-revision.tsx (a server component: importing it would pull node:crypto into the client bundle).
const REVISION_ATTR = 'data-render-revision'
const revision = () => document.querySelector(`[${REVISION_ATTR}]`)?.getAttribute(REVISION_ATTR) ?? null

type RefreshState = 'pending' | 'done' | 'stuck' | 'stale'
/** How the last refresh ended, for tests and for anyone debugging a stale page (`<html data-refresh>`). */
const mark = (state: RefreshState) => document.documentElement.setAttribute('data-refresh', state)

// Text fields the person has typed into since the page loaded. A reload while one still holds
// their text (a half-written reply) would throw it away, however long ago they typed it.
const edited = new Set<HTMLInputElement | HTMLTextAreaElement>()
if (typeof document !== 'undefined') {
  document.addEventListener('input', (e) => {
    const el = e.target
    if (el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && !['checkbox', 'radio', 'file', 'hidden'].includes(el.type))) edited.add(el)
  }, true)
}
const holdsTypedText = () => [...edited].some((el) => el.isConnected && el.value.trim() !== '')

/**
 * `router.refresh()` that is known to land, for everything that asks for the server's fresh
 * render: a saved form (use-server-action.ts) and a live event (components/live/live-refresh.tsx).
 *
 * Next 15 production builds lose some refreshes (vercel/next.js#83386 and relatives): the
 * transition stays pending for good, or settles while the page keeps its old render. Both are
 * detected — the transition's pending flag, and the root layout's render revision
 * (render-revision.tsx), which every refresh that reaches the screen replaces. A refresh that
 * has not landed within a few seconds is followed by a full reload, unless that would throw
 * away input: something typed or chosen since the refresh began, or a text field still holding
 * what the person typed (a half-written reply). Such a page asks once more instead.
 */
export function useReliableRefresh(stuckMs = STUCK_REFRESH_MS) {
  const router = useRouter()
  const [pending, startRefresh] = useTransition()
  const pendingRef = useRef(false)
  const before = useRef<string | null>(null)
  useEffect(() => {
    pendingRef.current = pending
    if (!pending && before.current !== null) mark(revision() !== before.current ? 'done' : 'stale')
  }, [pending])

  const refresh = useCallback((attempt = 0) => {
    const at = revision()
    const url = window.location.href
    before.current = at
    pendingRef.current = true
    mark('pending')
    startRefresh(() => router.refresh())
    let touched = false
    const touch = () => { touched = true }
    document.addEventListener('input', touch, true)
    document.addEventListener('change', touch, true)
    setTimeout(() => {
      document.removeEventListener('input', touch, true)
      document.removeEventListener('change', touch, true)
      // A newer server render on screen (this refresh's, or a later one's) is all that was asked;
      // a navigation since (a form's redirect) replaced the refresh with a fresh page of its own.
      if (at !== null && revision() !== at) return
      if (window.location.href !== url) return
      if (at === null && !pendingRef.current) return // a page without the marker: only "stuck" is detectable
      const how = pendingRef.current ? 'stuck' : 'stale'
      mark(how)
      if (!touched && !holdsTypedText()) {
        console.warn(`[refresh] the page's refresh was lost (${how}); reloading`)
        window.location.reload()
      } else if (attempt === 0) {
        // Reloading would lose input: ask once more, which usually lands.
        console.warn(`[refresh] the page's refresh was lost (${how}); trying again, keeping input`)
        refreshRef.current(1)
      }
    }, stuckMs)
  }, [router, stuckMs])
  const refreshRef = useRef(refresh)
  refreshRef.current = refresh
  return useCallback(() => refresh(0), [refresh])
}
