'use client'
import { useTranslations } from 'next-intl'
import { useActionForm } from '@/components/forms/use-action-form'
import { Field, Input } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import { SubmitButton } from '@/components/ui/submit-button'
import { SecondFactorInput } from '@/lib/two-factor/schemas'
import { verifySecondFactorAction } from './actions'

export function SecondFactorForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations('auth.secondFactorForm')
  const { form, state, pending, formRef, onSubmit, err: rawErr } = useActionForm(SecondFactorInput, verifySecondFactorAction)
  // The schema's (English) message, shown in the viewer's language; the server's own arrive translated.
  const err = (name: string) => { const m = rawErr(name); return m === 'Enter the code from your app or a recovery code' ? t('codeRequired') : m }
  return (
    <form method="post" ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field id="code" label={t('label')} error={err('code')} hint={t('hint')}>
        <Input id="code" autoComplete="one-time-code" inputMode="text" autoFocus spellCheck={false} invalid={!!err('code')} describedBy="code-error" {...form.register('code')} />
      </Field>
      {!err('code') && <FormMessage state={state} />}
      <SubmitButton pending={pending} pendingText={t('checking')} className="w-full">{t('submit')}</SubmitButton>
    </form>
  )
}
