'use client'
import { useActionForm } from '@/components/forms/use-action-form'
import { FormMessage } from '@/components/ui/form-message'
import { SubmitButton } from '@/components/ui/submit-button'
import { RequireStaffTwoFactorInput } from '@/lib/two-factor/schemas'
import { setRequireStaffTwoFactorAction } from './actions'

export function RequireForm({ org, required }: { org: string; required: boolean }) {
  const { form, state, pending, formRef, onSubmit } = useActionForm(RequireStaffTwoFactorInput, setRequireStaffTwoFactorAction, { defaultValues: { required } })
  const saved = state.ok ? (state.data as { changed: boolean; required: boolean }) : null
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Two-factor requirement">
      <input type="hidden" name="org" value={org} />
      <label className="flex items-start gap-3 text-sm">
        <input type="checkbox" className="mt-0.5 h-4 w-4 rounded border-slate-300 text-indigo-600" {...form.register('required')} />
        <span>
          <span className="font-medium text-slate-900">Require two-factor sign-in for staff</span>
          <span className="mt-0.5 block text-slate-600">Agents and admins without it are sent to set it up before they can use the workspace. Requesters are not affected, nor are API tokens.</span>
        </span>
      </label>
      {saved ? (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-emerald-200">
          {saved.changed ? (saved.required ? 'Two-factor sign-in is now required for staff.' : 'Two-factor sign-in is no longer required for staff.') : 'No change.'}
        </p>
      ) : <FormMessage state={state} />}
      <div className="flex justify-end">
        <SubmitButton pending={pending} pendingText="Saving…">Save</SubmitButton>
      </div>
    </form>
  )
}
