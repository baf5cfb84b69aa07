'use client'
import { useRef } from 'react'
import { useActionForm } from '@/components/forms/use-action-form'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { Field, Input } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import { SubmitButton } from '@/components/ui/submit-button'
import { DisableTwoFactorInput } from '@/lib/two-factor/schemas'
import { disableTwoFactorAction } from './actions'

/** Turning it off asks again who you are (a current code or your password), in a confirmation dialog. */
export function DisableForm({ org }: { org: string }) {
  const dialog = useRef<HTMLDialogElement>(null)
  const { form, state, pending, formRef, onSubmit, err } = useActionForm(DisableTwoFactorInput, disableTwoFactorAction)
  return (
    <>
      <Button type="button" variant="secondary" onClick={() => dialog.current?.showModal()}>Turn off two-factor…</Button>
      <Dialog ref={dialog} title="Turn off two-factor sign-in?" description="Signing in will need only your password, a sign-in link or a provider again. Confirm with a current code from your app, or your password.">
        <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3">
          <input type="hidden" name="org" value={org} />
          <Field id="disable-code" label="Code from your app (or a recovery code)" error={err('code')}>
            <Input id="disable-code" autoComplete="one-time-code" invalid={!!err('code')} describedBy="disable-code-error" {...form.register('code')} />
          </Field>
          <Field id="disable-password" label="…or your password" error={err('password')}>
            <Input id="disable-password" type="password" autoComplete="current-password" invalid={!!err('password')} describedBy="disable-password-error" {...form.register('password')} />
          </Field>
          <FormMessage state={state} />
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => dialog.current?.close()}>Keep it on</Button>
            <SubmitButton pending={pending} pendingText="Turning off…" variant="danger">Turn off</SubmitButton>
          </div>
        </form>
      </Dialog>
    </>
  )
}
