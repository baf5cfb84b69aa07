'use client'
import { useActionForm } from '@/components/forms/use-action-form'
import { Select } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import { SubmitButton } from '@/components/ui/submit-button'
import { TeamMemberInput } from '@/lib/teams/schemas'
import { addTeamMemberAction } from './actions'

/** Adds one of the org's agents or admins who is not yet in the team. */
export function AddTeamMemberForm({ org, teamId, teamName, candidates }: {
  org: string; teamId: string; teamName: string; candidates: { userId: string; name: string; role: string }[]
}) {
  const { form, state, pending, formRef, onSubmit, err } = useActionForm(TeamMemberInput, addTeamMemberAction, {
    defaultValues: { teamId, userId: '' }, resetOnSuccess: true,
  })
  const id = `add-member-${teamId}`
  if (candidates.length === 0) return <p className="text-xs text-slate-500">Every agent and admin is already in this team.</p>
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-2" aria-label={`Add a member to ${teamName}`}>
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="teamId" value={teamId} />
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-48 flex-1">
          <label htmlFor={id} className="block text-xs font-medium text-slate-600">Add member to {teamName}</label>
          <Select id={id} invalid={!!err('userId')} describedBy={`${id}-error`} className="py-1.5" {...form.register('userId')}>
            <option value="">Choose an agent…</option>
            {candidates.map((c) => <option key={c.userId} value={c.userId}>{c.name}{c.role === 'admin' ? ' (admin)' : ''}</option>)}
          </Select>
        </div>
        <SubmitButton pending={pending} pendingText="Adding…" variant="secondary" className="py-1.5">Add</SubmitButton>
      </div>
      {err('userId') && <p id={`${id}-error`} role="alert" className="text-sm text-rose-600">{err('userId')}</p>}
      {!err('userId') && <FormMessage state={state} />}
    </form>
  )
}
