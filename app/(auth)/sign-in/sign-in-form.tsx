'use client'
import { useActionForm } from '@/components/forms/use-action-form'
import { Field, Input } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import { SubmitButton } from '@/components/ui/submit-button'
import { SignInInput } from '@/lib/auth/schemas'
import { signInWithPassword } from './actions'

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const { form, state, pending, formRef, onSubmit, err } = useActionForm(SignInInput, signInWithPassword)
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4">
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? '/'} />
      <Field id="email" label="Email" error={err('email')}>
        <Input id="email" type="email" autoComplete="email" autoFocus invalid={!!err('email')} describedBy="email-error" {...form.register('email')} />
      </Field>
      <Field id="password" label="Password" error={err('password')}>
        <Input id="password" type="password" autoComplete="current-password" invalid={!!err('password')} describedBy="password-error" {...form.register('password')} />
      </Field>
      <FormMessage state={state} />
      <SubmitButton pending={pending} pendingText="Signing in…" className="w-full">Sign in</SubmitButton>
    </form>
  )
}
