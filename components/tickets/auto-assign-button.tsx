'use client'
import { useTranslations } from 'next-intl'
import { useServerAction, type ServerAction } from '@/components/forms/use-server-action'
import { buttonClass } from '@/components/ui/button'

/** Re-runs routing for the ticket and says what happened, including "nothing changed". */
export function AutoAssignButton({ org, number, action }: {
  org: string; number: number; action: ServerAction
}) {
  const { state, pending, onSubmit } = useServerAction(action)
  const t = useTranslations('tickets.autoAssignButton')
  const changed = (state.data as { changed?: boolean } | undefined)?.changed
  return (
    <div className="text-right">
      <form method="post" onSubmit={onSubmit}>
        <input type="hidden" name="org" value={org} />
        <input type="hidden" name="number" value={number} />
        <button type="submit" disabled={pending} aria-busy={pending} className={buttonClass('ghost', 'px-2 py-1 text-xs')}
          title={t('title')}>
          {pending ? t('pending') : t('button')}
        </button>
      </form>
      {state.ok === false && state.message && <p role="alert" className="mt-1 max-w-56 text-left text-xs text-rose-600">{state.message}</p>}
      {state.ok && changed === false && <p role="status" className="mt-1 text-xs text-slate-600">{t('unchanged')}</p>}
    </div>
  )
}
