'use client'
import { useState } from 'react'
import { useTranslations } from 'next-intl'
import { useActionForm } from '@/components/forms/use-action-form'
import { buttonClass } from '@/components/ui/button'
import { CharCount } from '@/components/ui/char-count'
import { Field, Textarea } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import { SubmitButton } from '@/components/ui/submit-button'
import type { ActionState } from '@/lib/actions/state'
import { ChangeStatusInput, COMMENT_MAX } from '@/lib/tickets/schemas'
import { transitions, type TicketStatus } from '@/lib/tickets/workflow'

const noteRequired = new Set(transitions.filter((t) => t.noteRequired).map((t) => t.to))

type T = ReturnType<typeof useTranslations<'tickets.statusActions'>>

function verb(t: T, from: TicketStatus, to: TicketStatus, requester: boolean): string {
  switch (to) {
    case 'open': return from === 'new' ? t('verb.open') : t('verb.reopen')
    case 'in_progress': return from === 'pending' || from === 'on_hold' ? t('verb.resume') : t('verb.start')
    case 'pending': return t('verb.pending')
    case 'on_hold': return t('verb.onHold')
    case 'resolved': return t('verb.resolve')
    case 'closed': return requester ? t('verb.confirmClose') : t('verb.close')
    case 'cancelled': return requester ? t('verb.cancelRequest') : t('verb.cancelTicket')
    default: return t('verb.status', { status: to })
  }
}

/**
 * The workflow moves this person may make from the current status, as computed by the
 * server (§4). Picking one opens a short form for the note, which resolve and cancel require.
 */
export function StatusActions({ org, number, status, allowed, requester = false, action }: {
  org: string; number: number; status: TicketStatus; allowed: TicketStatus[]; requester?: boolean
  action: (prev: ActionState, form: FormData) => Promise<ActionState>
}) {
  const t = useTranslations('tickets.statusActions')
  const [target, setTarget] = useState<TicketStatus | null>(null)
  const { form, state, pending, formRef, onSubmit, err } = useActionForm(ChangeStatusInput, action, {
    flash: t('flash'),
    defaultValues: { number, note: '' },
    onSuccess: () => { setTarget(null); form.reset({ number, note: '' }) },
  })
  if (allowed.length === 0) return <p className="text-sm text-slate-600">{t('noneAvailable')}</p>
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        {allowed.map((to) => (
          <button key={to} type="button" aria-pressed={target === to} onClick={() => { setTarget(to); form.setValue('to', to); form.clearErrors() }}
            className={buttonClass(target === to ? 'primary' : to === 'cancelled' ? 'ghost' : 'secondary', 'py-1.5')}>
            {verb(t, status, to, requester)}
          </button>
        ))}
      </div>
      {target && (
        <form method="post" ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200">
          <input type="hidden" name="org" value={org} />
          <input type="hidden" name="number" value={number} />
          <input type="hidden" name="to" value={target} />
          <Field id="status-note" error={err('note') ?? err('to')}
            label={target === 'resolved' ? t('resolutionNote') : target === 'cancelled' ? t('cancelReason') : t('noteOptional')}
            hint={noteRequired.has(target) ? (requester ? t('requiredRequester') : t('requiredStaff')) : undefined}>
            <Textarea id="status-note" rows={3} autoFocus required={noteRequired.has(target)} invalid={!!err('note')} describedBy="status-note-error" {...form.register('note')} />
            <CharCount control={form.control} name="note" max={COMMENT_MAX} id="status-note" quietBelow={0.5} />
          </Field>
          <div className="flex justify-end gap-2">
            <button type="button" className={buttonClass('ghost', 'py-1.5')} onClick={() => setTarget(null)}>{t('back')}</button>
            <SubmitButton pending={pending} pendingText={t('saving')} className="py-1.5">{verb(t, status, target, requester)}</SubmitButton>
          </div>
        </form>
      )}
      <FormMessage state={state} fields={['note', 'to']} />
    </div>
  )
}
