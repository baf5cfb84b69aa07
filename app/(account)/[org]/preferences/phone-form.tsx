'use client'
import { useTranslations } from 'next-intl'
import { useActionForm } from '@/components/forms/use-action-form'
import { Field, Input } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import { SubmitButton } from '@/components/ui/submit-button'
import { PhoneInput, phoneMessages } from '@/lib/notifications/schemas'
import { savePhoneAction } from './actions'

/** The person's phone number, for texts (SMS/WhatsApp) when their organisation sends them. */
export function PhoneForm({ org, phone }: { org: string; phone: string | null }) {
  const { form, state, pending, formRef, onSubmit, err } = useActionForm(PhoneInput, savePhoneAction, { defaultValues: { phone: phone ?? '' } })
  const t = useTranslations('account.phoneForm')
  const tCommon = useTranslations('common')
  // The schema's messages are English (the server sends the same ones back): shown in the reader's language.
  const raw = err('phone')
  const key = (Object.keys(phoneMessages) as (keyof typeof phoneMessages)[]).find((k) => phoneMessages[k] === raw)
  const phoneError = key ? t(key) : raw
  return (
    <form method="post" ref={formRef} onSubmit={onSubmit} noValidate className="max-w-md space-y-3" aria-label={t('label')}>
      <input type="hidden" name="org" value={org} />
      <Field id="phone" label={t('phone')} error={phoneError} hint={t('hint')}>
        <Input id="phone" type="tel" autoComplete="tel" invalid={!!err('phone')} describedBy="phone-error" {...form.register('phone')} />
      </Field>
      {!err('phone') && <FormMessage state={state} success={t('saved')} />}
      <SubmitButton pending={pending} pendingText={tCommon('actions.saving')}>{t('save')}</SubmitButton>
    </form>
  )
}
