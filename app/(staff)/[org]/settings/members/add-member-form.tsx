'use client'
import { useTranslations } from 'next-intl'
import { useActionForm } from '@/components/forms/use-action-form'
import { Field, Input, Select } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import { SubmitButton } from '@/components/ui/submit-button'
import { AddMemberInput } from '@/lib/members/schemas'
import { addMemberAction } from './actions'
import { roleOptions } from './roles'

const fields = ['email', 'name', 'role', 'password']

export function AddMemberForm({ org }: { org: string }) {
  const { form, state, pending, formRef, onSubmit, err } = useActionForm(AddMemberInput, addMemberAction, {
    defaultValues: { email: '', name: '', role: 'requester', password: '' },
    resetOnSuccess: true,
  })
  const t = useTranslations('settings.addMemberForm')
  const tr = useTranslations('common.role')
  const th = useTranslations('settings.roles')
  const added = (state.data as { email?: string } | undefined)?.email
  return (
    <form method="post" ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4" aria-label={t('label')}>
      <input type="hidden" name="org" value={org} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="member-email" label={t('email')} error={err('email')}>
          <Input id="member-email" type="email" autoComplete="off" placeholder="name@example.com" invalid={!!err('email')} describedBy="member-email-error" {...form.register('email')} />
        </Field>
        <Field id="member-name" label={t('name')} error={err('name')} hint={t('nameHint')}>
          <Input id="member-name" autoComplete="off" invalid={!!err('name')} describedBy="member-name-error" {...form.register('name')} />
        </Field>
        <Field id="member-role" label={t('role')} error={err('role')}>
          <Select id="member-role" invalid={!!err('role')} describedBy="member-role-error" {...form.register('role')}>
            {roleOptions.map((r) => <option key={r.value} value={r.value}>{tr(r.value)} — {th(r.value)}</option>)}
          </Select>
        </Field>
        <Field id="member-password" label={<>{t('password')} <span className="font-normal text-slate-600">{t('optional')}</span></>} error={err('password')}
          hint={t('passwordHint')}>
          <Input id="member-password" type="password" autoComplete="new-password" invalid={!!err('password')} describedBy="member-password-error" {...form.register('password')} />
        </Field>
      </div>
      {/* Field errors already sit next to their fields; the banner is for everything else. */}
      {!(state.fieldErrors && Object.keys(state.fieldErrors).some((k) => fields.includes(k))) && (
        <FormMessage state={state} success={added ? t('added', { email: added }) : t('addedAnon')} />
      )}
      <div className="flex justify-end">
        <SubmitButton pending={pending} pendingText={t('adding')}>{t('submit')}</SubmitButton>
      </div>
    </form>
  )
}
