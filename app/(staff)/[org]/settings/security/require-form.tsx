'use client'
import { useTranslations } from 'next-intl'
import { useActionForm } from '@/components/forms/use-action-form'
import { FormMessage } from '@/components/ui/form-message'
import { SubmitButton } from '@/components/ui/submit-button'
import { RequireStaffTwoFactorInput } from '@/lib/two-factor/schemas'
import { setRequireStaffTwoFactorAction } from './actions'

export function RequireForm({ org, required }: { org: string; required: boolean }) {
  const t = useTranslations('settings.requireForm')
  const { form, state, pending, formRef, onSubmit } = useActionForm(RequireStaffTwoFactorInput, setRequireStaffTwoFactorAction, { defaultValues: { required } })
  const saved = state.ok ? (state.data as { changed: boolean; required: boolean }) : null
  return (
    <form method="post" ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4" aria-label={t('label')}>
      <input type="hidden" name="org" value={org} />
      <label className="flex items-start gap-3 text-sm">
        <input type="checkbox" className="mt-0.5 h-4 w-4 rounded border-slate-300 text-indigo-600" {...form.register('required')} />
        <span>
          <span className="font-medium text-slate-900">{t('require')}</span>
          <span className="mt-0.5 block text-slate-600">{t('hint')}</span>
        </span>
      </label>
      {saved ? (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-emerald-200">
          {saved.changed ? (saved.required ? t('nowRequired') : t('noLongerRequired')) : t('noChange')}
        </p>
      ) : <FormMessage state={state} />}
      <div className="flex justify-end">
        <SubmitButton pending={pending} pendingText={t('saving')}>{t('save')}</SubmitButton>
      </div>
    </form>
  )
}
