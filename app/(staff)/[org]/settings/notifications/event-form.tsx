'use client'
import { useTranslations } from 'next-intl'
import { useActionForm } from '@/components/forms/use-action-form'
import { Field, Input, Textarea } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import { SubmitButton } from '@/components/ui/submit-button'

import { BODY_MAX, EventNotificationInput, type NotificationEvent, notificationPlaceholders, previewSample, SUBJECT_MAX } from '@/lib/notifications/org-settings'
import { renderMessage } from '@/lib/notifications/templates'
import { saveEventNotificationAction } from './actions'
import { eventKey } from './event-key'

export type EventValues = {
  event: NotificationEvent; enabled: boolean; requester: boolean; assignee: boolean
  subject: string | null; body: string | null; audiences: readonly ('requester' | 'assignee')[]
}


/** One event: on/off, who hears of it, and its email in the org's words with a live preview on made-up data. */
export function EventForm({ org, value }: { org: string; value: EventValues }) {
  const { form, state, pending, formRef, onSubmit, err } = useActionForm(EventNotificationInput, saveEventNotificationAction, {
    defaultValues: { event: value.event, enabled: value.enabled, requester: value.requester, assignee: value.assignee, subject: value.subject ?? '', body: value.body ?? '' },
  })
  const t = useTranslations('settings.eventForm')
  const id = (f: string) => `ev-${value.event.replace('.', '-')}-${f}`
  const [subject, body] = form.watch(['subject', 'body']) as [string | undefined, string | undefined]
  const preview = renderMessage({
    event: value.event, ...previewSample,
    // Only replies and resolutions quote text (a public reply or the resolution note).
    excerpt: value.event === 'ticket.replied' || value.event === 'ticket.resolved' ? previewSample.excerpt : null, link: `https://helpdesk.example/${org}/portal/${previewSample.number}`,
    toRequester: value.audiences.includes('requester'), template: { subject: subject?.trim() || null, body: body?.trim() || null },
  })
  const title = t(`events.${eventKey(value.event)}.title`)
  const note = t.has(`events.${eventKey(value.event)}.note`) ? t(`events.${eventKey(value.event)}.note`) : undefined
  return (
    <form method="post" ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4" aria-label={t('label', { title })}>
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="event" value={value.event} />
      <div className="flex flex-wrap items-center gap-x-6 gap-y-2">
        <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
          <input type="checkbox" className="h-4 w-4 rounded border-slate-300" {...form.register('enabled')} /> {t('send')}
        </label>
        {value.audiences.map((a) => (
          <label key={a} className="flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" className="h-4 w-4 rounded border-slate-300" {...form.register(a)} /> {t(`audiences.${a}`)}
          </label>
        ))}
      </div>
      {note && <p className="text-xs text-slate-600">{note} {t('watchers')}</p>}
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="space-y-3">
          <Field id={id('subject')} label={t('subject')} error={err('subject')} hint={t('subjectHint')}>
            <Input id={id('subject')} maxLength={SUBJECT_MAX} invalid={!!err('subject')} describedBy={`${id('subject')}-error`} {...form.register('subject')} />
          </Field>
          <Field id={id('body')} label={t('body')} error={err('body')} hint={<>{t('bodyHint')} {notificationPlaceholders.map((p) => `{{${p}}}`).join(' ')}</>}>
            <Textarea id={id('body')} rows={5} maxLength={BODY_MAX} invalid={!!err('body')} describedBy={`${id('body')}-error`} {...form.register('body')} />
          </Field>
        </div>
        <section aria-label={t('previewLabel', { title })} className="rounded-md bg-slate-50 p-3 text-sm ring-1 ring-slate-200">
          <p className="text-xs font-semibold uppercase tracking-wide text-slate-600">{t('preview')}</p>
          <p className="mt-1 font-medium text-slate-900" data-testid="preview-subject">{preview.subject}</p>
          <pre className="mt-2 whitespace-pre-wrap font-sans text-slate-700" data-testid="preview-body">{preview.text}</pre>
        </section>
      </div>
      {!err('subject') && !err('body') && <FormMessage state={state} success={t('saved')} />}
      <div className="flex justify-end"><SubmitButton pending={pending} pendingText={t('saving')}>{t('save')}<span className="sr-only"> {title}</span></SubmitButton></div>
    </form>
  )
}
