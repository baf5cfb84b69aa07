'use client'
import { useActionForm } from '@/components/forms/use-action-form'
import { Field, Input } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import { SubmitButton } from '@/components/ui/submit-button'
import { PhoneInput } from '@/lib/notifications/schemas'
import { savePhoneAction } from './actions'

/** The person's phone number, for texts (SMS/WhatsApp) when their organisation sends them. */
export function PhoneForm({ org, phone }: { org: string; phone: string | null }) {
  const { form, state, pending, formRef, onSubmit, err } = useActionForm(PhoneInput, savePhoneAction, { defaultValues: { phone: phone ?? '' } })
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="max-w-md space-y-3" aria-label="Phone number">
      <input type="hidden" name="org" value={org} />
      <Field id="phone" label="Mobile phone number" error={err('phone')} hint="With the country code, e.g. +44 20 7946 0958. Leave empty to get no texts.">
        <Input id="phone" type="tel" autoComplete="tel" invalid={!!err('phone')} describedBy="phone-error" {...form.register('phone')} />
      </Field>
      {!err('phone') && <FormMessage state={state} success="Phone number saved." />}
      <SubmitButton pending={pending} pendingText="Saving…">Save phone number</SubmitButton>
    </form>
  )
}
