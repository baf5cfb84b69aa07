'use client'
import { useTranslations } from 'next-intl'
import { useActionForm } from '@/components/forms/use-action-form'
import { Field, Input } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import { SubmitButton } from '@/components/ui/submit-button'
import { MagicLinkInput } from '@/lib/auth/schemas'
import { requestSignInLink } from './actions'

export function MagicLinkForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations('auth.magicLinkForm')
  const { form, state, pending, formRef, onSubmit, err: rawErr } = useActionForm(MagicLinkInput, requestSignInLink)
  // The schema's (English) message, shown in the viewer's language.
  const err = (name: string) => { const m = rawErr(name); return m === 'Enter a valid email address' ? t('invalidEmail') : m }
  return (
    <form method="post" ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3">
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? '/'} />
      <Field id="link-email" label={t('label')} error={err('email')}>
        <Input id="link-email" type="email" autoComplete="email" placeholder={t('placeholder')} invalid={!!err('email')} describedBy="link-email-error" {...form.register('email')} />
      </Field>
      <FormMessage state={state} />
      <SubmitButton pending={pending} pendingText={t('sending')} variant="secondary" className="w-full">{t('submit')}</SubmitButton>
    </form>
  )
}
