'use client'
import { useTranslations } from 'next-intl'
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
  const t = useTranslations('tickets.ticketForm')
  const tp = useTranslations('common.priority')
  const files = useAttachmentGate()
  const { form, state, pending, formRef, onSubmit, err } = useActionForm(CreateTicketInput, action, {
    defaultValues: { priority: 'normal', title: '', description: '', categoryId: '' },
  })
  const sensitiveIds = new Set(categories.filter((c) => c.sensitive).map((c) => c.id))
  const chosen = form.watch('categoryId')
  return (
    <form method="post" ref={formRef} onSubmit={files.guard(onSubmit)} noValidate className="space-y-5">
      <input type="hidden" name="org" value={org} />
      {onBehalf && addCaller && (
        <>
          <input type="hidden" {...form.register('requesterEmail')} />
          <RequesterPicker org={org} error={err('requesterEmail')} addCaller={addCaller}
            onPick={(email) => form.setValue('requesterEmail', email, { shouldDirty: true })} />
        </>
      )}
      <Field id="title" label={t('title')} error={err('title')} hint={t('titleHint')}>
        <Input id="title" autoFocus={!onBehalf} invalid={!!err('title')} describedBy="title-error" {...form.register('title')} />
        <CharCount control={form.control} name="title" max={TITLE_MAX} id="title" quietBelow={0.8} />
      </Field>
      <Field id="description" label={t('description')} error={err('description')} hint={t('descriptionHint')}>
        <Textarea id="description" rows={7} invalid={!!err('description')} describedBy="description-error" {...form.register('description')} />
        <CharCount control={form.control} name="description" max={DESCRIPTION_MAX} id="description" />
      </Field>
      {maxFileBytes !== undefined && (
        <AttachmentPicker org={org} maxFileBytes={maxFileBytes} onStateChange={files.onStateChange}
          error={files.blocked ?? err('attachments') ?? err('attachmentIds')} />
      )}
      <div className="grid gap-5 sm:grid-cols-2">
        <Field id="categoryId" label={t('category')} error={err('categoryId')}
          hint={typeof chosen === 'string' && sensitiveIds.has(chosen) ? t('sensitiveHint') : undefined}>
          <Select id="categoryId" invalid={!!err('categoryId')} describedBy="categoryId-error" {...form.register('categoryId')}>
            <option value="">{t('notSure')}</option>
            {categories.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </Select>
        </Field>
        <Field id="priority" label={t('priority')} error={err('priority')}>
          <Select id="priority" invalid={!!err('priority')} describedBy="priority-error" {...form.register('priority')}>
            {(['low', 'normal', 'high', 'urgent'] as const).map((p) => <option key={p} value={p}>{tp(p)}</option>)}
          </Select>
        </Field>
      </div>
      {onBehalf && (
        <Field id="assetRef" label={t('assetRef')} error={err('assetRef')}>
          <Input id="assetRef" invalid={!!err('assetRef')} describedBy="assetRef-error" {...form.register('assetRef')} />
          <CharCount control={form.control} name="assetRef" max={ASSET_REF_MAX} id="assetRef" quietBelow={0.8} />
        </Field>
      )}
      {teams && teams.length > 0 && (
        <Field id="teamId" label={t('team')} error={err('teamId')} hint={t('teamHint')}>
          <Select id="teamId" invalid={!!err('teamId')} describedBy="teamId-error" {...form.register('teamId')}>
            <option value="">{t('automatic')}</option>
            {teams.map((team) => <option key={team.id} value={team.id}>{team.name}{team.restricted ? ` ${t('restricted')}` : ''}</option>)}
          </Select>
        </Field>
      )}
      <FormMessage state={state} fields={['requesterEmail', 'title', 'description', 'categoryId', 'priority', 'assetRef', 'teamId', 'attachmentIds', 'attachments']} />
      <div className="flex justify-end">
        <SubmitButton pending={pending || files.uploading} pendingText={files.uploading ? t('uploading') : t('submitting')}>{t('submit')}</SubmitButton>
      </div>
    </form>
  )
}
