'use client'
import { useState } from 'react'
import { useActionForm } from '@/components/forms/use-action-form'
import { buttonClass } from '@/components/ui/button'
import { CharCount } from '@/components/ui/char-count'
import { Field, Textarea } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import { SubmitButton } from '@/components/ui/submit-button'
import type { ActionState } from '@/lib/actions/state'
import { ChangeStatusInput, COMMENT_MAX } from '@/lib/tickets/schemas'
import { statusLabels, transitions, type TicketStatus } from '@/lib/tickets/workflow'

const noteRequired = new Set(transitions.filter((t) => t.noteRequired).map((t) => t.to))

function verb(from: TicketStatus, to: TicketStatus, requester: boolean): string {
  switch (to) {
    case 'open': return from === 'new' ? 'Open' : 'Reopen'
    case 'in_progress': return from === 'pending' || from === 'on_hold' ? 'Resume work' : 'Start work'
    case 'pending': return 'Wait for requester'
    case 'on_hold': return 'Put on hold'
    case 'resolved': return 'Resolve'
    case 'closed': return requester ? 'Confirm fixed and close' : 'Close'
    case 'cancelled': return requester ? 'Cancel request' : 'Cancel ticket'
    default: return statusLabels[to]
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
  const [target, setTarget] = useState<TicketStatus | null>(null)
  const { form, state, pending, formRef, onSubmit, err } = useActionForm(ChangeStatusInput, action, {
    flash: 'Status updated.',
    defaultValues: { number, note: '' },
    onSuccess: () => { setTarget(null); form.reset({ number, note: '' }) },
  })
  if (allowed.length === 0) return <p className="text-sm text-slate-600">No status changes are available to you.</p>
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        {allowed.map((to) => (
          <button key={to} type="button" aria-pressed={target === to} onClick={() => { setTarget(to); form.setValue('to', to); form.clearErrors() }}
            className={buttonClass(target === to ? 'primary' : to === 'cancelled' ? 'ghost' : 'secondary', 'py-1.5')}>
            {verb(status, to, requester)}
          </button>
        ))}
      </div>
      {target && (
        <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200">
          <input type="hidden" name="org" value={org} />
          <input type="hidden" name="number" value={number} />
          <input type="hidden" name="to" value={target} />
          <Field id="status-note" error={err('note') ?? err('to')}
            label={target === 'resolved' ? 'Resolution note' : target === 'cancelled' ? 'Reason for cancelling' : 'Note (optional)'}
            hint={noteRequired.has(target) ? (requester ? 'Required. It is kept with your request, and the support team will see it.' : 'Required. The requester will see it.') : undefined}>
            <Textarea id="status-note" rows={3} autoFocus required={noteRequired.has(target)} invalid={!!err('note')} describedBy="status-note-error" {...form.register('note')} />
            <CharCount control={form.control} name="note" max={COMMENT_MAX} id="status-note" quietBelow={0.5} />
          </Field>
          <div className="flex justify-end gap-2">
            <button type="button" className={buttonClass('ghost', 'py-1.5')} onClick={() => setTarget(null)}>Back</button>
            <SubmitButton pending={pending} pendingText="Saving…" className="py-1.5">{verb(status, target, requester)}</SubmitButton>
          </div>
        </form>
      )}
      <FormMessage state={state} fields={['note', 'to']} />
    </div>
  )
}
