'use client'
import { useRouter } from 'next/navigation'
import { useEffect } from 'react'
import { useTranslations } from 'next-intl'
import { Button } from '@/components/ui/button'
import type { ActionState } from '@/lib/actions/state'

/**
 * The collision guard's question (issue 16): the server refused the reply because others
 * answered since the page was opened. The page is refreshed so those replies show above;
 * the sender reads them, then sends anyway or edits.
 */
export function SendAnyway({ state, pending, onSendAnyway }: { state: ActionState; pending: boolean; onSendAnyway: () => void }) {
  const router = useRouter()
  const t = useTranslations('tickets.sendAnyway')
  const conflict = state.ok === false && state.code === 'conflict'
  useEffect(() => { if (conflict) router.refresh() }, [conflict, state.at, router])
  if (!conflict || pending) return null
  return (
    <div role="alert" className="flex flex-wrap items-center justify-between gap-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800 ring-1 ring-amber-200">
      <span>{state.message}</span>
      <Button variant="secondary" onClick={onSendAnyway}>{t('button')}</Button>
    </div>
  )
}
