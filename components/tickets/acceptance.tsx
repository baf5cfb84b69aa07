'use client'
import { useRef, useState } from 'react'
import { useTranslations } from 'next-intl'
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
  const t = useTranslations('tickets.acceptance')
  const verb = accepted ? t('handBack') : t('reject')
  return (
    <div className={accepted ? '' : 'rounded-md bg-amber-50 p-3 ring-1 ring-amber-200'}>
      {!accepted && <p className="mb-2 text-sm text-amber-900">{t('prompt')}</p>}
      <div className="flex flex-wrap items-start gap-2">
        {!accepted && <ActionForm action={acceptAction} fields={{ org, number }} label={t('accept')} pendingLabel={t('accepting')} variant="primary" className="py-1.5" />}
        <Button variant={accepted ? 'ghost' : 'secondary'} className={accepted ? 'px-2 py-1 text-xs' : 'py-1.5'} aria-haspopup="dialog"
          onClick={() => { setOpened((n) => n + 1); dialog.current?.showModal() }}>{verb}…</Button>
      </div>
      <Dialog ref={dialog} title={t('dialogTitle', { verb, number })}
        description={team ? t('backToQueue', { team }) : t('becomesUnassigned')}>
        {opened > 0 && <RejectForm key={opened} org={org} number={number} verb={verb} action={rejectAction} onDone={() => dialog.current?.close()} />}
        <div className="-mt-2 flex justify-start">
          <button type="button" className="text-sm text-slate-600 hover:text-slate-800" onClick={() => dialog.current?.close()}>{t('cancel')}</button>
        </div>
      </Dialog>
    </div>
  )
}

function RejectForm({ org, number, verb, action, onDone }: { org: string; number: number; verb: string; action: Action; onDone: () => void }) {
  const t = useTranslations('tickets.acceptance')
  const { form, state, pending, formRef, onSubmit, err } = useActionForm(RejectAssignmentInput, action, {
    defaultValues: { number, reason: '' }, onSuccess: onDone,
  })
  return (
    <form method="post" ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3">
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="number" value={number} />
      <Field id="reject-reason" label={t('reason')} error={err('reason')} hint={t('reasonHint')}>
        <Textarea id="reject-reason" rows={3} autoFocus invalid={!!err('reason')} describedBy="reject-reason-error" {...form.register('reason')} />
        <CharCount control={form.control} name="reason" max={REASON_MAX} id="reject-reason" quietBelow={0.5} />
      </Field>
      {!err('reason') && <FormMessage state={state} />}
      <div className="flex justify-end">
        <SubmitButton pending={pending} pendingText={t('sendingBack')} variant="danger">{t('submit', { verb })}</SubmitButton>
      </div>
    </form>
  )
}
