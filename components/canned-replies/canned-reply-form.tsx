'use client'
import { useTranslations } from 'next-intl'
import { useActionForm } from '@/components/forms/use-action-form'
import type { ServerAction } from '@/components/forms/use-server-action'
import { Field, Input, Textarea } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import { SubmitButton } from '@/components/ui/submit-button'
import { cannedPlaceholders, CANNED_BODY_MAX, CreateCannedReplyInput, UpdateCannedReplyInput } from '@/lib/canned-replies/schemas'

export type CannedReplyValues = { id: string; title: string; body: string; shared: boolean }

/** Write a canned reply (no `reply`) or edit one; admins choose whether a new one is shared. */
export function CannedReplyForm({ org, reply, canShare, action, onDone }: {
  org: string; reply?: CannedReplyValues; canShare: boolean; action: ServerAction; onDone?: () => void
}) {
  const t = useTranslations('tickets.cannedReplyForm')
  const { form, state, pending, formRef, onSubmit, err } = useActionForm(reply ? UpdateCannedReplyInput : CreateCannedReplyInput, action, {
    defaultValues: { id: reply?.id, title: reply?.title ?? '', body: reply?.body ?? '', shared: false }, resetOnSuccess: !reply, onSuccess: onDone,
  })
  const id = (f: string) => `canned-${reply?.id ?? 'new'}-${f}`
  const created = (state.data as { title?: string } | undefined)?.title
  return (
    <form method="post" ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4" aria-label={reply ? t('editLabel', { title: reply.title }) : t('newLabel')}>
      <input type="hidden" name="org" value={org} />
      {reply && <input type="hidden" name="id" value={reply.id} />}
      <Field id={id('title')} label={t('title')} error={err('title')} hint={t('titleHint')}>
        <Input id={id('title')} autoComplete="off" invalid={!!err('title')} describedBy={`${id('title')}-error`} {...form.register('title')} />
      </Field>
      <Field id={id('body')} label={t('body')} error={err('body')} hint={t('bodyHint', { placeholders: cannedPlaceholders.map((p) => `{{${p}}}`).join(' ') })}>
        <Textarea id={id('body')} rows={5} maxLength={CANNED_BODY_MAX} invalid={!!err('body')} describedBy={`${id('body')}-error`} {...form.register('body')} />
      </Field>
      {!reply && canShare && (
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" className="h-4 w-4 rounded border-slate-300" {...form.register('shared')} /> {t('shareToggle')}
        </label>
      )}
      {!err('title') && !err('body') && <FormMessage state={state} success={reply ? undefined : created ? t('saved', { title: created }) : undefined} />}
      <div className="flex justify-end">
        <SubmitButton pending={pending} pendingText={t('saving')}>{reply ? t('saveChanges') : t('save')}</SubmitButton>
      </div>
    </form>
  )
}
