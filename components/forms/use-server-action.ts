'use client'
import { useCallback, useRef, useState, type FormEvent } from 'react'
import { useTranslations } from 'next-intl'
import { useReliableRefresh } from '@/components/router/use-reliable-refresh'
import { initialActionState, type ActionState } from '@/lib/actions/state'
import { flash } from './flash'

export type ServerAction<T = unknown> = (prev: ActionState<T>, form: FormData) => Promise<ActionState<T>>

/**
 * Calls a server action from a plain submit handler and keeps its result and pending
 * flag in ordinary state, then asks the router for the fresh page.
 *
 * Why not `useActionState` / `<form action>`: in production builds of Next 15 the
 * router's update for an action dispatched inside React's form transition intermittently
 * never commits, so the form stays "Saving…" forever and its effects never run, although
 * the server answered (vercel/next.js#96233, #97990; we saw it in our own e2e runs).
 * Awaiting the action directly always settles, and a plain state update always renders.
 * The same bug can lose the follow-up refresh (the page keeps showing what it showed
 * before the change): useReliableRefresh notices and reloads, unless that would lose input.
 */
export function useServerAction<T = unknown>(action: ServerAction<T>, opts: {
  /** False for an action whose result the form uses itself and that changes nothing the page shows (adding a caller). */
  refresh?: boolean
  /** Confirms a success in the page's flash region (components/forms/flash.tsx). */
  flash?: string
} = {}) {
  const refreshPage = opts.refresh ?? true
  const flashText = opts.flash
  const [state, setState] = useState<ActionState<T>>(initialActionState as ActionState<T>)
  const [pending, setPending] = useState(false)
  const inFlight = useRef(false)
  const refresh = useReliableRefresh()
  // Said when the action never answered (offline, server down): there is no server message to show.
  const unreachable = useTranslations('common.useServerAction')('unreachable')

  const run = useCallback(async (data: FormData): Promise<ActionState<T> | undefined> => {
    if (inFlight.current) return undefined // a double click sends once
    inFlight.current = true
    setPending(true)
    try {
      const next = await action(initialActionState as ActionState<T>, data)
      // An action that redirects resolves without a result while the router navigates.
      if (!next) return undefined
      setState(next)
      if (next.ok && flashText) flash(flashText)
      if (next.ok && refreshPage) refresh()
      return next
    } catch {
      const failed = { ok: false, message: unreachable, at: Date.now() } as ActionState<T>
      setState(failed)
      return failed
    } finally {
      inFlight.current = false
      setPending(false)
    }
  }, [action, refresh, refreshPage, flashText, unreachable])

  const onSubmit = useCallback((event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    void run(new FormData(event.currentTarget))
  }, [run])

  return { state, pending, run, onSubmit }
}
