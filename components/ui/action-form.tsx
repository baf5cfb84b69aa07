'use client'
import { useRef, type ReactNode } from 'react'
import { useTranslations } from 'next-intl'
import { useServerAction, type ServerAction } from '@/components/forms/use-server-action'
import { buttonClass, type ButtonVariant } from './button'
import { Dialog } from './dialog'

/**
 * A one-button form posting hidden fields to a server action. With `confirm`, the
 * button opens a modal <dialog> (focus-trapped, Esc cancels) before anything is sent.
 */
export function ActionForm({ action, fields, label, pendingLabel, variant = 'secondary', className = '', confirm, flash }: {
  action: ServerAction
  fields: Record<string, string | number>
  label: ReactNode
  pendingLabel?: string
  variant?: ButtonVariant
  className?: string
  confirm?: { title: string; body: ReactNode; confirmLabel: string }
  /** Said in the page's flash region on success (the button itself may be gone by then). */
  flash?: string
}) {
  const t = useTranslations('common.actionForm')
  const { state, pending, onSubmit } = useServerAction(action, { flash })
  const dialog = useRef<HTMLDialogElement>(null)
  const hidden = Object.entries(fields).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)
  const submit = (
    <button type="submit" disabled={pending} aria-busy={pending} className={buttonClass(confirm ? 'danger' : variant, confirm ? '' : className)}>
      {pending ? (pendingLabel ?? t('working')) : (confirm?.confirmLabel ?? label)}
    </button>
  )
  return (
    <div>
      {confirm ? (
        <>
          <button type="button" onClick={() => dialog.current?.showModal()} className={buttonClass(variant, className)}>{label}</button>
          <Dialog ref={dialog} title={confirm.title} description={confirm.body}>
            <form method="post" onSubmit={(e) => { onSubmit(e); dialog.current?.close() }} className="flex justify-end gap-2">
              {hidden}
              <button type="button" autoFocus onClick={() => dialog.current?.close()} className={buttonClass('secondary')}>{t('keep')}</button>
              {submit}
            </form>
          </Dialog>
        </>
      ) : (
        <form method="post" onSubmit={onSubmit}>{hidden}{submit}</form>
      )}
      {state.ok === false && state.message && <p role="alert" className="mt-2 text-sm text-rose-600">{state.message}</p>}
    </div>
  )
}
