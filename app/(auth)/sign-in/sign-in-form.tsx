'use client'
import { useTranslations } from 'next-intl'
import { useActionForm } from '@/components/forms/use-action-form'
import { Field, Input } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import { SubmitButton } from '@/components/ui/submit-button'
import { SignInInput } from '@/lib/auth/schemas'
import { signInWithPassword } from './actions'

// The schema's (English) messages, shown in the viewer's language.
const schemaMessages: Record<string, 'invalidEmail' | 'passwordRequired'> = { 'Enter a valid email address': 'invalidEmail', 'Enter your password': 'passwordRequired' }

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations('auth.signInForm')
  const { form, state, pending, formRef, onSubmit, err: rawErr } = useActionForm(SignInInput, signInWithPassword)
  const err = (name: string) => { const m = rawErr(name); return m && schemaMessages[m] ? t(schemaMessages[m]) : m }
  return (
    <form method="post" ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4">
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? '/'} />
      <Field id="email" label={t('email')} error={err('email')}>
        <Input id="email" type="email" autoComplete="email" autoFocus invalid={!!err('email')} describedBy="email-error" {...form.register('email')} />
      </Field>
      <Field id="password" label={t('password')} error={err('password')}>
        <Input id="password" type="password" autoComplete="current-password" invalid={!!err('password')} describedBy="password-error" {...form.register('password')} />
      </Field>
      <FormMessage state={state} />
      <SubmitButton pending={pending} pendingText={t('signingIn')} className="w-full">{t('submit')}</SubmitButton>
    </form>
  )
}
