'use client'
import { useEffect } from 'react'
import { useActionForm } from '@/components/forms/use-action-form'
import { Field, Input } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import { SubmitButton } from '@/components/ui/submit-button'
import { WebhookInput } from '@/lib/notifications/schemas'
import { addWebhookAction } from './actions'

type Added = { url: string; secret: string; nextSecret: string }

export function AddWebhookForm({ org, secret }: { org: string; secret: string }) {
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
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Add webhook">
      <input type="hidden" name="org" value={org} />
      <Field id="webhook-url" label="Endpoint URL" error={err('url')} hint="Events are POSTed here as JSON, e.g. to an SMS or WhatsApp gateway.">
        <Input id="webhook-url" type="url" inputMode="url" autoComplete="off" placeholder="https://gateway.example/hook" invalid={!!err('url')} describedBy="webhook-url-error" {...form.register('url')} />
      </Field>
      <Field id="webhook-secret" label="Signing secret" error={err('secret')}
        hint={<>Receivers verify the <code className="font-mono">X-Helpdesk-Signature</code> header: <code className="font-mono">sha256=HMAC-SHA256(secret, raw body)</code>. Copy the secret now; it is not shown again.</>}>
        <Input id="webhook-secret" autoComplete="off" spellCheck={false} className="font-mono" invalid={!!err('secret')} describedBy="webhook-secret-error" {...form.register('secret')} />
      </Field>
      {added ? (
        <div role="status" className="space-y-1 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-emerald-200">
          <p>Webhook added for <span className="break-all font-medium">{added.url}</span>.</p>
          <p>Its secret is <code className="break-all rounded bg-white/70 px-1 font-mono">{added.secret}</code> — give it to the receiver now; it is not shown again.</p>
        </div>
      ) : !fieldError && <FormMessage state={state} />}
      <div className="flex justify-end">
        <SubmitButton pending={pending} pendingText="Adding…">Add webhook</SubmitButton>
      </div>
    </form>
  )
}
