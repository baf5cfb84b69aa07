'use client'
import { useRouter } from 'next/navigation'
import { useActionState, useEffect } from 'react'
import { buttonClass } from '@/components/ui/button'
import { initialActionState, type ActionState } from '@/lib/actions/state'

/** Re-runs routing for the ticket and says what happened, including "nothing changed". */
export function AutoAssignButton({ org, number, action }: {
  org: string; number: number; action: (prev: ActionState, form: FormData) => Promise<ActionState>
}) {
  const [state, formAction, pending] = useActionState(action, initialActionState)
  const router = useRouter()
  useEffect(() => { if (state.ok) router.refresh() }, [state, router])
  const changed = (state.data as { changed?: boolean } | undefined)?.changed
  return (
    <div className="text-right">
      <form action={formAction}>
        <input type="hidden" name="org" value={org} />
        <input type="hidden" name="number" value={number} />
        <button type="submit" disabled={pending} aria-busy={pending} className={buttonClass('ghost', 'px-2 py-1 text-xs')}
          title="Run the routing rules and the team's hand-out strategy again">
          {pending ? 'Routing…' : 'Auto-assign'}
        </button>
      </form>
      {state.ok === false && state.message && <p role="alert" className="mt-1 max-w-56 text-left text-xs text-rose-600">{state.message}</p>}
      {state.ok && changed === false && <p role="status" className="mt-1 text-xs text-slate-500">Routing gives the same result.</p>}
    </div>
  )
}
