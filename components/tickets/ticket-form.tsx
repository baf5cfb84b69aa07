'use client'
import { useActionForm } from '@/components/forms/use-action-form'
import type { ServerAction } from '@/components/forms/use-server-action'
import { RequesterPicker } from './requester-picker'
import { AttachmentPicker } from '@/components/attachments/attachment-picker'
import { useAttachmentGate } from '@/components/attachments/use-attachment-gate'
import { CharCount } from '@/components/ui/char-count'
import { Field, Input, Select, Textarea } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import { SubmitButton } from '@/components/ui/submit-button'
import type { ActionState } from '@/lib/actions/state'
import { ASSET_REF_MAX, CreateTicketInput, DESCRIPTION_MAX, TITLE_MAX } from '@/lib/tickets/schemas'

type Category = { id: string; name: string; sensitive: boolean }

/** New ticket: a requester raising their own, or staff logging one on someone's behalf. */
export function TicketForm({ org, categories, onBehalf, action, maxFileBytes, teams, addCaller }: {
  org: string
  categories: Category[]
  onBehalf: boolean
  /** Staff may send the ticket to a team at once; otherwise routing rules decide (§6). */
  teams?: { id: string; name: string; restricted: boolean }[]
  action: (prev: ActionState, form: FormData) => Promise<ActionState>
  /** Offers attachments (§8) up to this size per file. */
  maxFileBytes?: number
  /** Staff only: adds a caller who is not yet a member (the requester picker's "Add new caller"). */
  addCaller?: ServerAction
}) {
  const files = useAttachmentGate()
  const { form, state, pending, formRef, onSubmit, err } = useActionForm(CreateTicketInput, action, {
    defaultValues: { priority: 'normal', title: '', description: '', categoryId: '' },
  })
  const sensitiveIds = new Set(categories.filter((c) => c.sensitive).map((c) => c.id))
  const chosen = form.watch('categoryId')
  return (
    <form ref={formRef} onSubmit={files.guard(onSubmit)} noValidate className="space-y-5">
      <input type="hidden" name="org" value={org} />
      {onBehalf && addCaller && (
        <>
          <input type="hidden" {...form.register('requesterEmail')} />
          <RequesterPicker org={org} error={err('requesterEmail')} addCaller={addCaller}
            onPick={(email) => form.setValue('requesterEmail', email, { shouldDirty: true })} />
        </>
      )}
      <Field id="title" label="Title" error={err('title')} hint="A short summary, e.g. “Printer on floor 2 jams”">
        <Input id="title" autoFocus={!onBehalf} invalid={!!err('title')} describedBy="title-error" {...form.register('title')} />
        <CharCount control={form.control} name="title" max={TITLE_MAX} id="title" quietBelow={0.8} />
      </Field>
      <Field id="description" label="Description" error={err('description')} hint="What happened, what you expected, and anything you already tried.">
        <Textarea id="description" rows={7} invalid={!!err('description')} describedBy="description-error" {...form.register('description')} />
        <CharCount control={form.control} name="description" max={DESCRIPTION_MAX} id="description" />
      </Field>
      {maxFileBytes !== undefined && (
        <AttachmentPicker org={org} maxFileBytes={maxFileBytes} onStateChange={files.onStateChange}
          error={files.blocked ?? err('attachments') ?? err('attachmentIds')} />
      )}
      <div className="grid gap-5 sm:grid-cols-2">
        <Field id="categoryId" label="Category" error={err('categoryId')}
          hint={typeof chosen === 'string' && sensitiveIds.has(chosen) ? 'Tickets in this category are visible only to specially cleared staff.' : undefined}>
          <Select id="categoryId" invalid={!!err('categoryId')} describedBy="categoryId-error" {...form.register('categoryId')}>
            <option value="">Not sure</option>
            {categories.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </Select>
        </Field>
        <Field id="priority" label="Priority" error={err('priority')}>
          <Select id="priority" invalid={!!err('priority')} describedBy="priority-error" {...form.register('priority')}>
            <option value="low">Low</option>
            <option value="normal">Normal</option>
            <option value="high">High</option>
            <option value="urgent">Urgent</option>
          </Select>
        </Field>
      </div>
      {onBehalf && (
        <Field id="assetRef" label="Asset or location (optional)" error={err('assetRef')}>
          <Input id="assetRef" invalid={!!err('assetRef')} describedBy="assetRef-error" {...form.register('assetRef')} />
          <CharCount control={form.control} name="assetRef" max={ASSET_REF_MAX} id="assetRef" quietBelow={0.8} />
        </Field>
      )}
      {teams && teams.length > 0 && (
        <Field id="teamId" label="Team" error={err('teamId')} hint="Leave on automatic to let the routing rules choose. Sensitive tickets only go to restricted teams.">
          <Select id="teamId" invalid={!!err('teamId')} describedBy="teamId-error" {...form.register('teamId')}>
            <option value="">Automatic (routing rules)</option>
            {teams.map((t) => <option key={t.id} value={t.id}>{t.name}{t.restricted ? ' (restricted)' : ''}</option>)}
          </Select>
        </Field>
      )}
      <FormMessage state={state} fields={['requesterEmail', 'title', 'description', 'categoryId', 'priority', 'assetRef', 'teamId', 'attachmentIds', 'attachments']} />
      <div className="flex justify-end">
        <SubmitButton pending={pending || files.uploading} pendingText={files.uploading ? 'Uploading files…' : 'Submitting…'}>Submit ticket</SubmitButton>
      </div>
    </form>
  )
}
