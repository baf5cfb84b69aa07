'use client'
import { useState } from 'react'
import { useTranslations } from 'next-intl'
import { useActionForm } from '@/components/forms/use-action-form'
import { Combobox, type ComboOption } from '@/components/ui/combobox'
import { FormMessage } from '@/components/ui/form-message'
import { SubmitButton } from '@/components/ui/submit-button'
import { TeamMemberInput } from '@/lib/teams/schemas'
import { addTeamMemberAction } from './actions'

type Candidate = { userId: string; name: string; email: string; role: 'agent' | 'admin' }

/** Asks the server who may join (GET /api/[org]/team-candidates): the org may have thousands of agents. */
async function fetchCandidates(org: string, teamId: string, q: string, signal: AbortSignal, adminHint: (email: string) => string): Promise<ComboOption[]> {
  const res = await fetch(`/api/${org}/team-candidates?${new URLSearchParams({ team: teamId, q })}`, { signal, headers: { accept: 'application/json' } })
  if (!res.ok) throw new Error(`candidate search failed (${res.status})`)
  const { people } = (await res.json()) as { people: Candidate[] }
  return people.map((p) => ({ id: p.userId, label: p.name, hint: p.role === 'admin' ? adminHint(p.email) : p.email }))
}

/** Adds one of the org's active agents or admins who is not yet in the team, found by name or email as you type. */
export function AddTeamMemberForm({ org, teamId, teamName }: { org: string; teamId: string; teamName: string }) {
  const { form, state, pending, formRef, onSubmit, err } = useActionForm(TeamMemberInput, addTeamMemberAction, {
    defaultValues: { teamId, userId: '' }, resetOnSuccess: true,
  })
  const t = useTranslations('settings.teamAddMemberForm')
  const [person, setPerson] = useState<ComboOption | null>(null)
  const userId = form.watch('userId')
  // After a successful add the form resets its values; the picker follows.
  const shown = userId ? person : null
  const id = `add-member-${teamId}`
  return (
    <form method="post" ref={formRef} onSubmit={onSubmit} noValidate className="space-y-2" aria-label={t('label', { team: teamName })}>
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="teamId" value={teamId} />
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-48 flex-1">
          <label htmlFor={id} className="block text-xs font-medium text-slate-600">{t('fieldLabel', { team: teamName })}</label>
          <Combobox id={id} name="userId" value={shown} className="[&_input]:py-1.5" placeholder={t('placeholder')}
            emptyText={t('empty')}
            invalid={!!err('userId')} describedBy={`${id}-error`}
            load={(q, signal) => fetchCandidates(org, teamId, q, signal, (email) => t('adminHint', { email }))}
            onChange={(o) => { setPerson(o); form.setValue('userId', o.id, { shouldDirty: true }); form.clearErrors('userId') }} />
        </div>
        <SubmitButton pending={pending} pendingText={t('adding')} variant="secondary" className="py-1.5">{t('add')}</SubmitButton>
      </div>
      {err('userId') && <p id={`${id}-error`} role="alert" className="text-sm text-rose-600">{err('userId')}</p>}
      {!err('userId') && <FormMessage state={state} />}
    </form>
  )
}
