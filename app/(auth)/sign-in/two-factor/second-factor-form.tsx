'use client'
import { useActionForm } from '@/components/forms/use-action-form'
import { Field, Input } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import { SubmitButton } from '@/components/ui/submit-button'
import { SecondFactorInput } from '@/lib/two-factor/schemas'
import { verifySecondFactorAction } from './actions'

export function SecondFactorForm({ callbackUrl }: { callbackUrl: string }) {
  const { form, state, pending, formRef, onSubmit, err } = useActionForm(SecondFactorInput, verifySecondFactorAction)
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field id="code" label="Code" error={err('code')} hint="A recovery code works once, in place of the app's code.">
        <Input id="code" autoComplete="one-time-code" inputMode="text" autoFocus spellCheck={false} invalid={!!err('code')} describedBy="code-error" {...form.register('code')} />
      </Field>
      {!err('code') && <FormMessage state={state} />}
      <SubmitButton pending={pending} pendingText="Checking…" className="w-full">Verify</SubmitButton>
    </form>
  )
}
