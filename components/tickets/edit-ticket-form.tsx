'use client'
import { useTranslations } from 'next-intl'
import { useActionForm } from '@/components/forms/use-action-form'
import { CharCount } from '@/components/ui/char-count'
import { Field, Input, Select, Textarea } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import { SubmitButton } from '@/components/ui/submit-button'
import type { ActionState } from '@/lib/actions/state'
import { DESCRIPTION_MAX, TITLE_MAX, UpdateTicketInput } from '@/lib/tickets/schemas'
import type { TicketPriority } from '@/lib/tickets/workflow'

export function EditTicketForm({ org, ticket, categories, canUnflag, action }: {
  org: string
  ticket: { number: number; title: string; description: string; priority: TicketPriority; categoryId: string | null; sensitive: boolean }
  categories: { id: string; name: string }[]
  canUnflag: boolean
  action: (prev: ActionState, form: FormData) => Promise<ActionState>
}) {
  const t = useTranslations('tickets.editTicketForm')
  const tp = useTranslations('common.priority')
  const { form, state, pending, formRef, onSubmit, err } = useActionForm(UpdateTicketInput, action, {
    flash: t('flash'),
    defaultValues: { ...ticket, categoryId: ticket.categoryId ?? '' },
  })
  return (
    <form method="post" ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4">
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="number" value={ticket.number} />
      <Field id="edit-title" label={t('title')} error={err('title')}>
        <Input id="edit-title" invalid={!!err('title')} describedBy="edit-title-error" {...form.register('title')} />
        <CharCount control={form.control} name="title" max={TITLE_MAX} id="edit-title" quietBelow={0.8} />
      </Field>
      <Field id="edit-description" label={t('description')} error={err('description')}>
        <Textarea id="edit-description" rows={6} invalid={!!err('description')} describedBy="edit-description-error" {...form.register('description')} />
        <CharCount control={form.control} name="description" max={DESCRIPTION_MAX} id="edit-description" />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="edit-priority" label={t('priority')} error={err('priority')}>
          <Select id="edit-priority" {...form.register('priority')}>
            {['low', 'normal', 'high', 'urgent'].map((p) => <option key={p} value={p}>{tp(p)}</option>)}
          </Select>
        </Field>
        <Field id="edit-category" label={t('category')} error={err('categoryId')}>
          <Select id="edit-category" invalid={!!err('categoryId')} {...form.register('categoryId')}>
            <option value="">{t('noCategory')}</option>
            {categories.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </Select>
        </Field>
      </div>
      <label className="flex items-start gap-2 text-sm text-slate-700">
        <input type="checkbox" value="true" disabled={ticket.sensitive && !canUnflag} className="mt-0.5 h-4 w-4 rounded border-slate-300" {...form.register('sensitive')} />
        <span>
          {t('sensitive')}
          {ticket.sensitive && !canUnflag && <span className="block text-xs text-slate-600">{t('onlyAdminUnflags')}</span>}
        </span>
      </label>
      <FormMessage state={state} fields={['title', 'description', 'priority', 'categoryId', 'sensitive']} />
      <div className="flex justify-end">
        <SubmitButton pending={pending} pendingText={t('saving')}>{t('save')}</SubmitButton>
      </div>
    </form>
  )
}
