'use client'
import { useRef } from 'react'
import { useTranslations } from 'next-intl'
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
  const t = useTranslations('auth.disableForm')
  const { form, state, pending, formRef, onSubmit, err: rawErr } = useActionForm(DisableTwoFactorInput, disableTwoFactorAction)
  // The schema's (English) message, shown in the viewer's language.
  const err = (name: string) => { const m = rawErr(name); return m === 'Enter a current code or your password' ? t('codeOrPassword') : m }
  return (
    <>
      <Button type="button" variant="secondary" onClick={() => dialog.current?.showModal()}>{t('open')}</Button>
      <Dialog ref={dialog} title={t('title')} description={t('description')}>
        <form method="post" ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3">
          <input type="hidden" name="org" value={org} />
          <Field id="disable-code" label={t('codeLabel')} error={err('code')}>
            <Input id="disable-code" autoComplete="one-time-code" invalid={!!err('code')} describedBy="disable-code-error" {...form.register('code')} />
          </Field>
          <Field id="disable-password" label={t('passwordLabel')} error={err('password')}>
            <Input id="disable-password" type="password" autoComplete="current-password" invalid={!!err('password')} describedBy="disable-password-error" {...form.register('password')} />
          </Field>
          <FormMessage state={state} />
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => dialog.current?.close()}>{t('keep')}</Button>
            <SubmitButton pending={pending} pendingText={t('turningOff')} variant="danger">{t('turnOff')}</SubmitButton>
          </div>
        </form>
      </Dialog>
    </>
  )
}
