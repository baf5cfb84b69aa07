'use client'
import { useTranslations } from 'next-intl'
import { useActionForm } from '@/components/forms/use-action-form'
import { FormMessage } from '@/components/ui/form-message'
import { SubmitButton } from '@/components/ui/submit-button'
import { InboundSettingsInput, type InboundUnknownSenders } from '@/lib/notifications/org-settings'
import { saveInboundSettingsAction } from './actions'

// Labels and hints: settings.emailForm.choices.<value>.
const choices: { value: InboundUnknownSenders }[] = [{ value: 'refuse' }, { value: 'create_requester' }]

/** Where the org receives mail, and the policy for mail from strangers (lib/inbound/receive-mail). */
export function EmailForm({ org, address, replyAddress, unknownSenders }: { org: string; address: string; replyAddress: string; unknownSenders: InboundUnknownSenders }) {
  const t = useTranslations('settings.emailForm')
  const { form, state, pending, formRef, onSubmit, err } = useActionForm(InboundSettingsInput, saveInboundSettingsAction, { defaultValues: { unknownSenders } })
  return (
    <form method="post" ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4" aria-label={t('label')}>
      <input type="hidden" name="org" value={org} />
      <div className="text-sm text-slate-700">
        <p>{t.rich('address', { address, code: (c) => <code className="rounded bg-slate-100 px-1 py-0.5" data-testid="inbound-address">{c}</code> })}</p>
        <p className="mt-1 text-xs text-slate-600">{t.rich('replyAddress', { address: replyAddress, code: (c) => <code>{c}</code> })}</p>
      </div>
      <fieldset aria-describedby={err('unknownSenders') ? 'unknown-senders-error' : undefined}>
        <legend className="mb-2 text-sm font-medium text-slate-700">{t('unknownSenders')}</legend>
        <div className="space-y-2">
          {choices.map((c) => (
            <div key={c.value} className="flex items-start gap-2">
              <input id={`unknown-senders-${c.value}`} type="radio" value={c.value} className="mt-0.5 h-4 w-4 border-slate-300" aria-describedby={`unknown-senders-${c.value}-hint`} {...form.register('unknownSenders')} />
              <div>
                <label htmlFor={`unknown-senders-${c.value}`} className="text-sm font-medium text-slate-700">{t(`choices.${c.value}.label`)}</label>
                <p id={`unknown-senders-${c.value}-hint`} className="text-xs text-slate-600">{t(`choices.${c.value}.hint`)}</p>
              </div>
            </div>
          ))}
        </div>
        {err('unknownSenders') && <p id="unknown-senders-error" role="alert" className="mt-1 text-sm text-rose-600">{err('unknownSenders')}</p>}
      </fieldset>
      <FormMessage state={state} success={t('saved')} />
      <div className="flex justify-end"><SubmitButton pending={pending} pendingText={t('saving')}>{t('save')}</SubmitButton></div>
    </form>
  )
}
