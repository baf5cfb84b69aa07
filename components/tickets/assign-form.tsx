'use client'
import { useEffect, useState } from 'react'
import { useTranslations } from 'next-intl'
import { useActionForm } from '@/components/forms/use-action-form'
import { Field, Input, Select } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import { SubmitButton } from '@/components/ui/submit-button'
import type { ComboOption } from '@/components/ui/combobox'
import { AssigneePicker, fetchAssignees } from '@/components/tickets/assignee-picker'
import type { ActionState } from '@/lib/actions/state'
import { AssignTicketInput } from '@/lib/tickets/schemas'

type Team = { id: string; name: string; restricted: boolean }

/**
 * Team and agent together. The agent picker searches as you type and offers only people
 * who may hold the ticket: with a team chosen, its members; for a sensitive ticket, cleared
 * people (the server applies the same rule on save). For a sensitive ticket the team list
 * was already narrowed to restricted teams.
 */
export function AssignForm({ org, number, teamId, assignee, viewerId, teams, action }: {
  org: string; number: number; teamId: string | null; assignee: { id: string; name: string } | null; viewerId: string
  teams: Team[]
  action: (prev: ActionState, form: FormData) => Promise<ActionState>
}) {
  const t = useTranslations('tickets.assignForm')
  const { form, state, pending, formRef, onSubmit, err } = useActionForm(AssignTicketInput, action, {
    flash: t('flash'),
    defaultValues: { number, teamId: teamId ?? '', assigneeId: assignee?.id ?? '', reason: '' },
  })
  const chosenTeamId = String(form.watch('teamId') ?? '')
  const chosenTeam = teams.find((team) => team.id === chosenTeamId)
  const unassigned: ComboOption = { id: '', label: chosenTeam ? t('unassignedQueue', { team: chosenTeam.name }) : t('unassigned') }
  // The chosen person; null is "unassigned".
  const [person, setPerson] = useState<ComboOption | null>(assignee ? { id: assignee.id, label: assignee.name } : null)
  const choose = (o: ComboOption) => { setPerson(o.id ? o : null); form.setValue('assigneeId', o.id, { shouldDirty: true }) }
  // Switching to a team the chosen agent is not in clears the agent instead of sending a refused pair.
  // The saved team and assignee are a valid pair already: no request on page load.
  useEffect(() => {
    const agentId = String(form.getValues('assigneeId') ?? '')
    if (!agentId || !chosenTeamId || (chosenTeamId === teamId && agentId === assignee?.id)) return
    const ctrl = new AbortController()
    fetchAssignees(org, '', { team: chosenTeamId, ticket: number, id: agentId }, ctrl.signal)
      .then((found) => { if (!found.length) { setPerson(null); form.setValue('assigneeId', '') } })
      .catch(() => { /* the server still refuses a wrong pair on save */ })
    return () => ctrl.abort()
  }, [chosenTeamId, org, number, form, teamId, assignee?.id])
  const chosenAgent = form.watch('assigneeId')
  const takingOver = !!assignee && assignee.id !== viewerId && !!chosenAgent && chosenAgent !== assignee.id
  const fieldError = !!state.fieldErrors && Object.keys(state.fieldErrors).some((k) => ['teamId', 'assigneeId', 'reason'].includes(k))
  return (
    <form method="post" ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t('label')}>
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="number" value={number} />
      <Field id="teamId" label={t('team')} error={err('teamId')}>
        <Select id="teamId" invalid={!!err('teamId')} describedBy="teamId-error" {...form.register('teamId')}>
          <option value="">{t('noTeam')}</option>
          {teams.map((team) => <option key={team.id} value={team.id}>{team.name}{team.restricted ? ` ${t('restricted')}` : ''}</option>)}
        </Select>
      </Field>
      <Field id="assigneeId" label={t('assignee')} error={err('assigneeId')}
        hint={chosenTeam ? t('membersOf', { team: chosenTeam.name }) : t('searchHint')}>
        <AssigneePicker org={org} id="assigneeId" name="assigneeId" value={person ?? unassigned} onChange={choose}
          narrow={{ team: chosenTeamId || undefined, ticket: number }} fixed={[unassigned]}
          invalid={!!err('assigneeId')} describedBy="assigneeId-error" />
      </Field>
      <Field id="assign-reason" label={<>{t('reason')} {takingOver ? <span className="font-normal text-slate-600">{t('reasonRequired')}</span> : <span className="font-normal text-slate-600">{t('optional')}</span>}</>}
        error={err('reason')} hint={t('reasonHint')}>
        <Input id="assign-reason" autoComplete="off" invalid={!!err('reason')} describedBy="assign-reason-error" {...form.register('reason')} />
      </Field>
      {!fieldError && <FormMessage state={state} />}
      <div className="flex justify-end">
        <SubmitButton pending={pending} pendingText={t('saving')} variant="secondary" className="py-1.5">{t('save')}</SubmitButton>
      </div>
    </form>
  )
}
