'use client'
import { useEffect } from 'react'
import { useTranslations } from 'next-intl'
import { useActionForm } from '@/components/forms/use-action-form'
import { Field, Input } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import { SubmitButton } from '@/components/ui/submit-button'
import { WebhookInput } from '@/lib/notifications/schemas'
import { addWebhookAction } from './actions'

type Added = { url: string; secret: string; nextSecret: string }

export function AddWebhookForm({ org, secret }: { org: string; secret: string }) {
  const t = useTranslations('settings.addWebhookForm')
  const { form, state, pending, formRef, onSubmit, err } = useActionForm(WebhookInput, addWebhookAction, {
    defaultValues: { url: '', secret },
  })
  const added = state.ok ? (state.data as Added) : null
  const { reset } = form
  // After an add the form starts over, with a fresh secret for the next endpoint.
  useEffect(() => {
    if (added) reset({ url: '', secret: added.nextSecret })
  }, [added, reset])
  const fieldError = !!state.fieldErrors && Object.keys(state.fieldErrors).some((k) => k === 'url' || k === 'secret')
  return (
    <form method="post" ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4" aria-label={t('label')}>
      <input type="hidden" name="org" value={org} />
      <Field id="webhook-url" label={t('url')} error={err('url')} hint={t('urlHint')}>
        <Input id="webhook-url" type="url" inputMode="url" autoComplete="off" placeholder="https://gateway.example/hook" invalid={!!err('url')} describedBy="webhook-url-error" {...form.register('url')} />
      </Field>
      <Field id="webhook-secret" label={t('secret')} error={err('secret')}
        hint={t.rich('secretHint', { code: (c) => <code className="font-mono">{c}</code> })}>
        <Input id="webhook-secret" autoComplete="off" spellCheck={false} className="font-mono" invalid={!!err('secret')} describedBy="webhook-secret-error" {...form.register('secret')} />
      </Field>
      {added ? (
        <div role="status" className="space-y-1 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-emerald-200">
          <p>{t.rich('added', { url: added.url, b: (c) => <span className="break-all font-medium">{c}</span> })}</p>
          <p>{t.rich('addedSecret', { secret: added.secret, code: (c) => <code className="break-all rounded bg-white/70 px-1 font-mono">{c}</code> })}</p>
        </div>
      ) : !fieldError && <FormMessage state={state} />}
      <div className="flex justify-end">
        <SubmitButton pending={pending} pendingText={t('adding')}>{t('submit')}</SubmitButton>
      </div>
    </form>
  )
}
