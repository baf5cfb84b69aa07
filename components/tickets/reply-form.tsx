'use client'
import { useState, type ReactNode } from 'react'
import { flushSync } from 'react-dom'
import { useTranslations } from 'next-intl'
import { SendAnyway } from './send-anyway'
import { useActionForm } from '@/components/forms/use-action-form'
import { AttachmentPicker } from '@/components/attachments/attachment-picker'
import { useAttachmentGate } from '@/components/attachments/use-attachment-gate'
import { CharCount } from '@/components/ui/char-count'
import { Field, Textarea } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import { SubmitButton } from '@/components/ui/submit-button'
import type { ActionState } from '@/lib/actions/state'
import { AddCommentInput, COMMENT_MAX } from '@/lib/tickets/schemas'

/** Reply to the requester, or (staff) an internal note only colleagues can read (§7). */
export function ReplyForm({ org, number, allowInternal, action, maxFileBytes, tools, seenAt }: {
  org: string; number: number; allowInternal: boolean
  action: (prev: ActionState, form: FormData) => Promise<ActionState>
  /** Offers attachments (§8) up to this size per file. */
  maxFileBytes?: number
  /** Extra tools above the text box (the canned reply picker) that put text into it. */
  tools?: (insert: (text: string) => void) => ReactNode
  /** The newest message the page shows: replies by others after it ask before sending (issue 16). */
  seenAt?: string
}) {
  const t = useTranslations('tickets.replyForm')
  const files = useAttachmentGate()
  const [anyway, setAnyway] = useState(false)
  const { form, state, pending, formRef, onSubmit, err } = useActionForm(AddCommentInput, action, {
    defaultValues: { number, body: '', internal: false }, resetOnSuccess: true, onSuccess: () => { files.reset(); setAnyway(false) },
  })
  const internal = form.watch('internal')
  const insert = (text: string) => {
    const current = (form.getValues('body') ?? '').replace(/\s+$/, '')
    form.setValue('body', current ? `${current}\n\n${text}` : text, { shouldDirty: true })
    form.setFocus('body')
  }
  return (
    <form method="post" ref={formRef} onSubmit={files.guard(onSubmit)} noValidate className={`space-y-3 rounded-lg p-4 ring-1 ${internal ? 'bg-amber-50 ring-amber-200' : 'bg-white ring-slate-200'}`}>
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="number" value={number} />
      {seenAt && <input type="hidden" name="seenAt" value={seenAt} />}
      <input type="hidden" name="sendAnyway" value={anyway ? 'true' : ''} />
      {tools?.(insert)}
      <Field id="body" label={internal ? t('internalNote') : t('reply')} error={err('body')}
        hint={internal ? t('internalHint') : allowInternal ? t('replyHint') : undefined}>
        <Textarea id="body" rows={5} invalid={!!err('body')} describedBy="body-error" {...form.register('body')} />
        <CharCount control={form.control} name="body" max={COMMENT_MAX} id="body" />
      </Field>
      {maxFileBytes !== undefined && (
        <AttachmentPicker key={files.pickerKey} org={org} ticketNumber={number} maxFileBytes={maxFileBytes}
          onStateChange={files.onStateChange} error={files.blocked ?? err('attachments') ?? err('attachmentIds')} />
      )}
      <div className="flex flex-wrap items-center justify-between gap-3">
        {allowInternal ? (
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" className="h-4 w-4 rounded border-slate-300" {...form.register('internal')} value="true" />
            {t('internalToggle')}
          </label>
        ) : <span />}
        <SubmitButton pending={pending || files.uploading} pendingText={files.uploading ? t('uploading') : t('sending')} variant={internal ? 'secondary' : 'primary'}>
          {internal ? t('addNote') : t('send')}
        </SubmitButton>
      </div>
      {state.code === 'conflict'
        ? <SendAnyway state={state} pending={pending} onSendAnyway={() => { flushSync(() => setAnyway(true)); formRef.current?.requestSubmit() }} />
        : <FormMessage state={state} success={state.ok ? t('sent') : undefined} />}
    </form>
  )
}
