'use client'
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
  const { form, state, pending, formRef, onSubmit, err } = useActionForm(reply ? UpdateCannedReplyInput : CreateCannedReplyInput, action, {
    defaultValues: { id: reply?.id, title: reply?.title ?? '', body: reply?.body ?? '', shared: false }, resetOnSuccess: !reply, onSuccess: onDone,
  })
  const id = (f: string) => `canned-${reply?.id ?? 'new'}-${f}`
  const created = (state.data as { title?: string } | undefined)?.title
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4" aria-label={reply ? `Edit ${reply.title}` : 'New canned reply'}>
      <input type="hidden" name="org" value={org} />
      {reply && <input type="hidden" name="id" value={reply.id} />}
      <Field id={id('title')} label="Title" error={err('title')} hint="What you type in the composer's picker to find it.">
        <Input id={id('title')} autoComplete="off" invalid={!!err('title')} describedBy={`${id('title')}-error`} {...form.register('title')} />
      </Field>
      <Field id={id('body')} label="Reply text" error={err('body')} hint={<>Placeholders, filled when inserted: {cannedPlaceholders.map((p) => `{{${p}}}`).join(' ')}</>}>
        <Textarea id={id('body')} rows={5} maxLength={CANNED_BODY_MAX} invalid={!!err('body')} describedBy={`${id('body')}-error`} {...form.register('body')} />
      </Field>
      {!reply && canShare && (
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" className="h-4 w-4 rounded border-slate-300" {...form.register('shared')} /> Shared with all agents of the organisation
        </label>
      )}
      {!err('title') && !err('body') && <FormMessage state={state} success={reply ? undefined : created ? `Canned reply “${created}” saved.` : undefined} />}
      <div className="flex justify-end">
        <SubmitButton pending={pending} pendingText="Saving…">{reply ? 'Save changes' : 'Save canned reply'}</SubmitButton>
      </div>
    </form>
  )
}
