'use client'
import Link from 'next/link'
import { useTranslations } from 'next-intl'
import { useActionForm } from '@/components/forms/use-action-form'
import { Field, Input } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import { SubmitButton } from '@/components/ui/submit-button'
import { NotificationGeneralInput } from '@/lib/notifications/org-settings'
import { saveNotificationGeneralAction } from './actions'

/** Auto-close days and the SMS/WhatsApp channel. */
export function GeneralForm({ org, autoCloseDays, smsWebhook, activeWebhooks }: { org: string; autoCloseDays: number; smsWebhook: boolean; activeWebhooks: number }) {
  const t = useTranslations('settings.generalForm')
  const { form, state, pending, formRef, onSubmit, err } = useActionForm(NotificationGeneralInput, saveNotificationGeneralAction, {
    defaultValues: { autoCloseDays, smsWebhook },
  })
  return (
    <form method="post" ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4" aria-label={t('label')}>
      <input type="hidden" name="org" value={org} />
      <div className="max-w-xs">
        <Field id="auto-close-days" label={t('autoClose')} error={err('autoCloseDays')} hint={t('autoCloseHint')}>
          <Input id="auto-close-days" type="number" min={0} max={365} inputMode="numeric" invalid={!!err('autoCloseDays')} describedBy="auto-close-days-error" {...form.register('autoCloseDays')} />
        </Field>
      </div>
      <div className="flex items-start gap-2">
        <input id="sms-webhook" type="checkbox" className="mt-0.5 h-4 w-4 rounded border-slate-300" aria-describedby="sms-webhook-hint" {...form.register('smsWebhook')} />
        <div>
          <label htmlFor="sms-webhook" className="text-sm font-medium text-slate-700">{t('sms')}</label>
          <p id="sms-webhook-hint" className="text-xs text-slate-600">
            {t.rich('smsHint', { code: (c) => <code>{c}</code> })}{' '}
            {activeWebhooks === 0
              ? t.rich('noWebhook', { link: (c) => <Link className="text-indigo-700 underline hover:text-indigo-900" href={`/${org}/settings/webhooks`}>{c}</Link> })
              : t('activeWebhooks', { count: activeWebhooks })}
          </p>
        </div>
      </div>
      <FormMessage state={state} success={t('saved')} />
      <div className="flex justify-end"><SubmitButton pending={pending} pendingText={t('saving')}>{t('save')}</SubmitButton></div>
    </form>
  )
}
