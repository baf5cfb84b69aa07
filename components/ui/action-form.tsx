'use client'
import { useRouter } from 'next/navigation'
import { useActionState, useEffect, useRef, type ReactNode } from 'react'
import { buttonClass, type ButtonVariant } from './button'
import { Dialog } from './dialog'
import { initialActionState, type ActionState } from '@/lib/actions/state'

/**
 * A one-button form posting hidden fields to a server action. With `confirm`, the
 * button opens a modal <dialog> (focus-trapped, Esc cancels) before anything is sent.
 */
export function ActionForm({ action, fields, label, pendingLabel, variant = 'secondary', className = '', confirm }: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>
  fields: Record<string, string | number>
  label: ReactNode
  pendingLabel?: string
  variant?: ButtonVariant
  className?: string
  confirm?: { title: string; body: ReactNode; confirmLabel: string }
}) {
  const [state, formAction, pending] = useActionState(action, initialActionState)
  const dialog = useRef<HTMLDialogElement>(null)
  const router = useRouter()
  // See use-action-form.ts: re-request the refresh Next sometimes drops after an action.
  useEffect(() => { if (state.ok) router.refresh() }, [state, router])
  const hidden = Object.entries(fields).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)
  const submit = (
    <button type="submit" disabled={pending} aria-busy={pending} className={buttonClass(confirm ? 'danger' : variant, confirm ? '' : className)}>
      {pending ? (pendingLabel ?? 'Working…') : (confirm?.confirmLabel ?? label)}
    </button>
  )
  return (
    <div>
      {confirm ? (
        <>
          <button type="button" onClick={() => dialog.current?.showModal()} className={buttonClass(variant, className)}>{label}</button>
          <Dialog ref={dialog} title={confirm.title} description={confirm.body}>
            <form action={formAction} onSubmit={() => setTimeout(() => dialog.current?.close(), 0)} className="flex justify-end gap-2">
              {hidden}
              <button type="button" autoFocus onClick={() => dialog.current?.close()} className={buttonClass('secondary')}>Keep it</button>
              {submit}
            </form>
          </Dialog>
        </>
      ) : (
        <form action={formAction}>{hidden}{submit}</form>
      )}
      {state.ok === false && state.message && <p role="alert" className="mt-2 text-sm text-rose-600">{state.message}</p>}
    </div>
  )
}
