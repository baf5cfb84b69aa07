'use client'
import { useEffect } from 'react'
import { useActionForm } from '@/components/forms/use-action-form'
import { Field, Input, Select } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import { SubmitButton } from '@/components/ui/submit-button'
import type { ActionState } from '@/lib/actions/state'
import { AssignTicketInput } from '@/lib/tickets/schemas'

type Options = {
  teams: { id: string; name: string; restricted: boolean; memberIds: string[] }[]
  agents: { id: string; name: string; role: string }[]
}

/**
 * Team and agent together: with a team chosen, the agent list holds its members only (the
 * server applies the same rule). For a sensitive ticket both lists were already narrowed to
 * restricted teams and cleared people.
 */
export function AssignForm({ org, number, teamId, assigneeId, viewerId, options, action }: {
  org: string; number: number; teamId: string | null; assigneeId: string | null; viewerId: string
  options: Options
  action: (prev: ActionState, form: FormData) => Promise<ActionState>
}) {
  const { form, state, pending, formRef, onSubmit, err } = useActionForm(AssignTicketInput, action, {
    defaultValues: { number, teamId: teamId ?? '', assigneeId: assigneeId ?? '', reason: '' },
  })
  const chosenTeam = options.teams.find((t) => t.id === form.watch('teamId'))
  const agents = chosenTeam ? options.agents.filter((a) => chosenTeam.memberIds.includes(a.id)) : options.agents
  const chosenAgent = form.watch('assigneeId')
  // Switching to a team the chosen agent is not in clears the agent instead of sending a refused pair.
  useEffect(() => {
    if (chosenAgent && !agents.some((a) => a.id === chosenAgent)) form.setValue('assigneeId', '')
  }, [chosenAgent, agents, form])
  const takingOver = !!assigneeId && assigneeId !== viewerId && !!chosenAgent && chosenAgent !== assigneeId
  const fieldError = !!state.fieldErrors && Object.keys(state.fieldErrors).some((k) => ['teamId', 'assigneeId', 'reason'].includes(k))
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Assignment">
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="number" value={number} />
      <Field id="teamId" label="Team" error={err('teamId')}>
        <Select id="teamId" invalid={!!err('teamId')} describedBy="teamId-error" {...form.register('teamId')}>
          <option value="">No team</option>
          {options.teams.map((t) => <option key={t.id} value={t.id}>{t.name}{t.restricted ? ' (restricted)' : ''}</option>)}
        </Select>
      </Field>
      <Field id="assigneeId" label="Assignee" error={err('assigneeId')}
        hint={chosenTeam && agents.length === 0 ? `${chosenTeam.name} has no active members; the ticket waits in its queue.` : undefined}>
        <Select id="assigneeId" invalid={!!err('assigneeId')} describedBy="assigneeId-error" {...form.register('assigneeId')}>
          <option value="">{chosenTeam ? `Unassigned (${chosenTeam.name} queue)` : 'Unassigned'}</option>
          {agents.map((a) => <option key={a.id} value={a.id}>{a.name}{a.role === 'admin' ? ' (admin)' : ''}</option>)}
        </Select>
      </Field>
      <Field id="assign-reason" label={<>Reason {takingOver ? <span className="font-normal text-slate-500">(required: it moves from its current assignee)</span> : <span className="font-normal text-slate-500">(optional)</span>}</>}
        error={err('reason')} hint="Kept in the ticket's assignment history.">
        <Input id="assign-reason" autoComplete="off" invalid={!!err('reason')} describedBy="assign-reason-error" {...form.register('reason')} />
      </Field>
      {!fieldError && <FormMessage state={state} success="Assignment saved." />}
      <div className="flex justify-end">
        <SubmitButton pending={pending} pendingText="Saving…" variant="secondary" className="py-1.5">Save assignment</SubmitButton>
      </div>
    </form>
  )
}
