'use client'
import { useActionForm } from '@/components/forms/use-action-form'
import { Field, Select } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import { SubmitButton } from '@/components/ui/submit-button'
import type { ActionState } from '@/lib/actions/state'
import { AssignTicketInput } from '@/lib/tickets/schemas'

export function AssignForm({ org, number, assigneeId, agents, action }: {
  org: string; number: number; assigneeId: string | null
  agents: { id: string; name: string; role: string }[]
  action: (prev: ActionState, form: FormData) => Promise<ActionState>
}) {
  const { form, state, pending, formRef, onSubmit, err } = useActionForm(AssignTicketInput, action, {
    defaultValues: { number, assigneeId: assigneeId ?? '' },
  })
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3">
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="number" value={number} />
      <Field id="assigneeId" label="Assignee" error={err('assigneeId')}>
        <Select id="assigneeId" invalid={!!err('assigneeId')} describedBy="assigneeId-error" {...form.register('assigneeId')}>
          <option value="">Unassigned</option>
          {agents.map((a) => <option key={a.id} value={a.id}>{a.name}{a.role === 'admin' ? ' (admin)' : ''}</option>)}
        </Select>
      </Field>
      <div className="flex justify-end">
        <SubmitButton pending={pending} pendingText="Saving…" variant="secondary" className="py-1.5">Save assignee</SubmitButton>
      </div>
      <FormMessage state={state} success="Assignment saved." />
    </form>
  )
}
