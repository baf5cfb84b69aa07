'use client'
import { useActionForm } from '@/components/forms/use-action-form'
import { Field, Input, Select } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import { SubmitButton } from '@/components/ui/submit-button'
import { assignmentStrategies, CreateTeamInput, strategyLabels, UpdateTeamInput, type AssignmentStrategy } from '@/lib/teams/schemas'
import { createTeamAction, updateTeamAction } from './actions'

export type TeamValues = { id: string; name: string; restricted: boolean; field: boolean; assignmentStrategy: AssignmentStrategy }

const strategyHints: Record<AssignmentStrategy, string> = {
  round_robin: 'Each new ticket goes to the next member in turn.',
  least_open: 'Each new ticket goes to the member with the fewest open tickets.',
  manual: 'Tickets wait in the team queue until someone takes them.',
}

/** Create a team (no `team`) or edit one: name, hand-out strategy, restricted and field flags. */
export function TeamForm({ org, team, onDone }: { org: string; team?: TeamValues; onDone?: () => void }) {
  const schema = team ? UpdateTeamInput : CreateTeamInput
  const { form, state, pending, formRef, onSubmit, err } = useActionForm(schema, team ? updateTeamAction : createTeamAction, {
    defaultValues: { teamId: team?.id, name: team?.name ?? '', restricted: team?.restricted ?? false, field: team?.field ?? false, assignmentStrategy: team?.assignmentStrategy ?? 'round_robin' },
    resetOnSuccess: !team,
    onSuccess: onDone,
  })
  const id = (f: string) => `team-${team?.id ?? 'new'}-${f}`
  const strategy = (form.watch('assignmentStrategy') ?? 'round_robin') as AssignmentStrategy
  const created = (state.data as { name?: string } | undefined)?.name
  const fieldError = !!state.fieldErrors && Object.keys(state.fieldErrors).some((k) => ['name', 'assignmentStrategy'].includes(k))
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4" aria-label={team ? `Edit ${team.name}` : 'Create team'}>
      <input type="hidden" name="org" value={org} />
      {team && <input type="hidden" name="teamId" value={team.id} />}
      <div className={`grid gap-4 ${team ? '' : 'sm:grid-cols-2'}`}>
        <Field id={id('name')} label="Team name" error={err('name')}>
          <Input id={id('name')} autoComplete="off" invalid={!!err('name')} describedBy={`${id('name')}-error`} {...form.register('name')} />
        </Field>
        <Field id={id('strategy')} label="Hand out new tickets" error={err('assignmentStrategy')} hint={strategyHints[strategy]}>
          <Select id={id('strategy')} invalid={!!err('assignmentStrategy')} describedBy={`${id('strategy')}-error`} {...form.register('assignmentStrategy')}>
            {assignmentStrategies.map((s) => <option key={s} value={s}>{strategyLabels[s]}</option>)}
          </Select>
        </Field>
      </div>
      <div className="flex items-start gap-2">
        <input id={id('restricted')} type="checkbox" className="mt-0.5 h-4 w-4 rounded border-slate-300" aria-describedby={`${id('restricted')}-hint`} {...form.register('restricted')} />
        <div>
          <label htmlFor={id('restricted')} className="text-sm font-medium text-slate-700">Restricted (cleared team)</label>
          <p id={`${id('restricted')}-hint`} className="text-xs text-slate-600">
            Members see sensitive tickets, and sensitive tickets can only be assigned to restricted teams.
          </p>
          {err('restricted') && <p role="alert" className="text-sm text-rose-600">{err('restricted')}</p>}
        </div>
      </div>
      <div className="flex items-start gap-2">
        <input id={id('field')} type="checkbox" className="mt-0.5 h-4 w-4 rounded border-slate-300" aria-describedby={`${id('field')}-hint`} {...form.register('field')} />
        <div>
          <label htmlFor={id('field')} className="text-sm font-medium text-slate-700">Field team</label>
          <p id={`${id('field')}-hint`} className="text-xs text-slate-600">
            Technicians accept or reject each job they are given; a rejected job goes back to the team queue. Other teams simply work their tickets.
          </p>
        </div>
      </div>
      {!fieldError && <FormMessage state={state} success={team ? undefined : created ? `Team “${created}” created.` : undefined} />}
      <div className="flex justify-end">
        <SubmitButton pending={pending} pendingText="Saving…">{team ? 'Save team' : 'Create team'}</SubmitButton>
      </div>
    </form>
  )
}
