'use client'
import { useEffect } from 'react'
import { useTranslations } from 'next-intl'
import { useActionForm } from '@/components/forms/use-action-form'
import { Select } from '@/components/ui/field'
import { SubmitButton } from '@/components/ui/submit-button'
import { ChangeRoleInput } from '@/lib/members/schemas'
import type { Ctx } from '@/lib/auth/ctx-type'
import { changeRoleAction } from './actions'
import { roleOptions } from './roles'

export function MemberRoleForm({ org, userId, name, role }: { org: string; userId: string; name: string; role: Ctx['role'] }) {
  const { form, state, pending, formRef, onSubmit, err } = useActionForm(ChangeRoleInput, changeRoleAction, {
    defaultValues: { userId, role },
  })
  const t = useTranslations('settings.memberRoleForm')
  const tr = useTranslations('common.role')
  const { reset } = form
  // The saved role becomes the new baseline, so "Save" is only offered for a real change.
  useEffect(() => {
    if (state.ok) reset({ userId, role: (state.data as { role: Ctx['role'] }).role })
  }, [state, reset, userId])
  const id = `role-${userId}`
  const error = err('role') ?? (state.ok === false && !state.fieldErrors ? state.message : undefined)
  const lastAdmin = state.ok === false && !!state.fieldErrors?.role && !!state.fieldErrors.role[0]?.includes('at least one active admin')
  const dirty = form.formState.isDirty
  return (
    <form method="post" ref={formRef} onSubmit={onSubmit} noValidate>
      <input type="hidden" name="org" value={org} />
      <input type="hidden" {...form.register('userId')} />
      <div className="flex items-center gap-2">
        <label htmlFor={id} className="sr-only">{t('label', { name })}</label>
        <div className="w-32 shrink-0">
          <Select id={id} invalid={!!error} describedBy={`${id}-error`} {...form.register('role', { onChange: () => form.clearErrors('role') })}>
            {roleOptions.map((r) => <option key={r.value} value={r.value}>{tr(r.value)}</option>)}
          </Select>
        </div>
        {/* A fixed slot, so the table does not shift when "Save" appears. */}
        <div className="w-20 shrink-0">
          {dirty && <SubmitButton pending={pending} variant="secondary">{t('save')}</SubmitButton>}
          {!dirty && state.ok && <span role="status" className="text-sm text-emerald-700">{t('saved')}</span>}
        </div>
      </div>
      {error && (
        <p id={`${id}-error`} role="alert" className="mt-1 max-w-64 text-sm text-rose-600">
          {error}{lastAdmin && t('lastAdmin')}
        </p>
      )}
    </form>
  )
}
