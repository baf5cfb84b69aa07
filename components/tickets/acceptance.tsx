'use client'
import { useRef, useState } from 'react'
import { useActionForm } from '@/components/forms/use-action-form'
import { ActionForm } from '@/components/ui/action-form'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { CharCount } from '@/components/ui/char-count'
import { Field, Textarea } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import { SubmitButton } from '@/components/ui/submit-button'
import type { ActionState } from '@/lib/actions/state'
import { REASON_MAX, RejectAssignmentInput } from '@/lib/tickets/schemas'

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>

/**
 * The assignee's answer to a job (§6): accept, or reject with a reason, which sends the
 * ticket back to the team queue. Once accepted, the same rejection reads "Hand back".
 */
export function Acceptance({ org, number, accepted, team, acceptAction, rejectAction }: {
  org: string; number: number; accepted: boolean; team: string | null; acceptAction: Action; rejectAction: Action
}) {
  const dialog = useRef<HTMLDialogElement>(null)
  const [opened, setOpened] = useState(0)
  const verb = accepted ? 'Hand back' : 'Reject'
  return (
    <div className={accepted ? '' : 'rounded-md bg-amber-50 p-3 ring-1 ring-amber-200'}>
      {!accepted && <p className="mb-2 text-sm text-amber-900">This ticket was assigned to you. Will you take it?</p>}
      <div className="flex flex-wrap items-start gap-2">
        {!accepted && <ActionForm action={acceptAction} fields={{ org, number }} label="Accept" pendingLabel="Accepting…" variant="primary" className="py-1.5" />}
        <Button variant={accepted ? 'ghost' : 'secondary'} className={accepted ? 'px-2 py-1 text-xs' : 'py-1.5'} aria-haspopup="dialog"
          onClick={() => { setOpened((n) => n + 1); dialog.current?.showModal() }}>{verb}…</Button>
      </div>
      <Dialog ref={dialog} title={`${verb} ticket #${number}?`}
        description={team ? `It goes back to the ${team} queue, unassigned, and the team is told.` : 'It becomes unassigned, and the admins are told.'}>
        {opened > 0 && <RejectForm key={opened} org={org} number={number} verb={verb} action={rejectAction} onDone={() => dialog.current?.close()} />}
        <div className="-mt-2 flex justify-start">
          <button type="button" className="text-sm text-slate-600 hover:text-slate-800" onClick={() => dialog.current?.close()}>Cancel</button>
        </div>
      </Dialog>
    </div>
  )
}

function RejectForm({ org, number, verb, action, onDone }: { org: string; number: number; verb: string; action: Action; onDone: () => void }) {
  const { form, state, pending, formRef, onSubmit, err } = useActionForm(RejectAssignmentInput, action, {
    defaultValues: { number, reason: '' }, onSuccess: onDone,
  })
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3">
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="number" value={number} />
      <Field id="reject-reason" label="Reason" error={err('reason')} hint="Staff only: shown in the ticket's history.">
        <Textarea id="reject-reason" rows={3} autoFocus invalid={!!err('reason')} describedBy="reject-reason-error" {...form.register('reason')} />
        <CharCount control={form.control} name="reason" max={REASON_MAX} id="reject-reason" quietBelow={0.5} />
      </Field>
      {!err('reason') && <FormMessage state={state} />}
      <div className="flex justify-end">
        <SubmitButton pending={pending} pendingText="Sending back…" variant="danger">{verb} ticket</SubmitButton>
      </div>
    </form>
  )
}
