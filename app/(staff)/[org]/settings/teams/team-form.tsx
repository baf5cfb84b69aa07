'use client'
import { useTranslations } from 'next-intl'
import { useActionForm } from '@/components/forms/use-action-form'
import { Field, Input, Select } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import { SubmitButton } from '@/components/ui/submit-button'
import { assignmentStrategies, CreateTeamInput, UpdateTeamInput, type AssignmentStrategy } from '@/lib/teams/schemas'
import { createTeamAction, updateTeamAction } from './actions'

export type TeamValues = { id: string; name: string; restricted: boolean; field: boolean; assignmentStrategy: AssignmentStrategy }

/** Create a team (no `team`) or edit one: name, hand-out strategy, restricted and field flags. */
export function TeamForm({ org, team, onDone }: { org: string; team?: TeamValues; onDone?: () => void }) {
  const t = useTranslations('settings.teamForm')
  const ts = useTranslations('settings.strategies')
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
    <form method="post" ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4" aria-label={team ? t('editLabel', { name: team.name }) : t('createLabel')}>
      <input type="hidden" name="org" value={org} />
      {team && <input type="hidden" name="teamId" value={team.id} />}
      <div className={`grid gap-4 ${team ? '' : 'sm:grid-cols-2'}`}>
        <Field id={id('name')} label={t('name')} error={err('name')}>
          <Input id={id('name')} autoComplete="off" invalid={!!err('name')} describedBy={`${id('name')}-error`} {...form.register('name')} />
        </Field>
        <Field id={id('strategy')} label={t('strategy')} error={err('assignmentStrategy')} hint={t(`strategyHints.${strategy}`)}>
          <Select id={id('strategy')} invalid={!!err('assignmentStrategy')} describedBy={`${id('strategy')}-error`} {...form.register('assignmentStrategy')}>
            {assignmentStrategies.map((s) => <option key={s} value={s}>{ts(s)}</option>)}
          </Select>
        </Field>
      </div>
      <div className="flex items-start gap-2">
        <input id={id('restricted')} type="checkbox" className="mt-0.5 h-4 w-4 rounded border-slate-300" aria-describedby={`${id('restricted')}-hint`} {...form.register('restricted')} />
        <div>
          <label htmlFor={id('restricted')} className="text-sm font-medium text-slate-700">{t('restricted')}</label>
          <p id={`${id('restricted')}-hint`} className="text-xs text-slate-600">
            {t('restrictedHint')}
          </p>
          {err('restricted') && <p role="alert" className="text-sm text-rose-600">{err('restricted')}</p>}
        </div>
      </div>
      <div className="flex items-start gap-2">
        <input id={id('field')} type="checkbox" className="mt-0.5 h-4 w-4 rounded border-slate-300" aria-describedby={`${id('field')}-hint`} {...form.register('field')} />
        <div>
          <label htmlFor={id('field')} className="text-sm font-medium text-slate-700">{t('field')}</label>
          <p id={`${id('field')}-hint`} className="text-xs text-slate-600">
            {t('fieldHint')}
          </p>
        </div>
      </div>
      {!fieldError && <FormMessage state={state} success={team ? undefined : created ? t('created', { name: created }) : undefined} />}
      <div className="flex justify-end">
        <SubmitButton pending={pending} pendingText={t('saving')}>{team ? t('save') : t('create')}</SubmitButton>
      </div>
    </form>
  )
}
