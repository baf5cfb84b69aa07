'use client'
import { useActionForm } from '@/components/forms/use-action-form'
import { Field, Input } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import { SubmitButton } from '@/components/ui/submit-button'
import { MagicLinkInput } from '@/lib/auth/schemas'
import { requestSignInLink } from './actions'

export function MagicLinkForm({ callbackUrl }: { callbackUrl?: string }) {
  const { form, state, pending, formRef, onSubmit, err } = useActionForm(MagicLinkInput, requestSignInLink)
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3">
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? '/'} />
      <Field id="link-email" label="Email me a sign-in link instead" error={err('email')}>
        <Input id="link-email" type="email" autoComplete="email" placeholder="you@example.com" invalid={!!err('email')} describedBy="link-email-error" {...form.register('email')} />
      </Field>
      <FormMessage state={state} />
      <SubmitButton pending={pending} pendingText="Sending…" variant="secondary" className="w-full">Send link</SubmitButton>
    </form>
  )
}
