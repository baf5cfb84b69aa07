'use client'
import { useState } from 'react'
import { useTranslations } from 'next-intl'
import { useActionForm } from '@/components/forms/use-action-form'
import { Field, Input, Select } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import { SubmitButton } from '@/components/ui/submit-button'
import { SlaPolicyInput } from '@/lib/sla/schemas'
import type { Calendar } from '@/lib/sla/calendar'
import { dayTargetHint } from '@/lib/sla/format'
import type { TicketPriority } from '@/lib/tickets/workflow'
import { savePolicyAction } from './actions'

export type PolicyValues = {
  id?: string; priority: TicketPriority; categoryId: string | null; responseMinutes: number; resolutionMinutes: number; businessHours: boolean; active: boolean
}
type Option = { id: string; name: string }

const priorities: TicketPriority[] = ['urgent', 'high', 'normal', 'low']
const units = { minutes: 1, hours: 60, days: 1440 } as const
type Unit = keyof typeof units
const unitOf = (m: number): Unit => (m > 0 && m % 1440 === 0 ? 'days' : m > 0 && m % 60 === 0 ? 'hours' : 'minutes')

/** Add (no `policy`) or edit one policy; targets are typed in a unit and posted in minutes. */
export function PolicyForm({ org, categories, policy, onDone, weekly, timeZone }: {
  org: string; categories: Option[]; policy?: PolicyValues; onDone?: () => void
  /** The org's calendar, so the hints say what a day and business hours mean here. */
  weekly: Calendar['weekly']; timeZone: string
}) {
  const t = useTranslations('settings.policyForm')
  const tp = useTranslations('common.priority')
  const key = policy?.id ?? 'new'
  const { form, state, pending, formRef, onSubmit, err } = useActionForm(SlaPolicyInput, savePolicyAction, {
    defaultValues: {
      id: policy?.id ?? '', priority: policy?.priority ?? 'normal', categoryId: policy?.categoryId ?? '',
      responseMinutes: policy?.responseMinutes ?? 240, resolutionMinutes: policy?.resolutionMinutes ?? 2880,
      businessHours: String(policy?.businessHours ?? true), active: policy?.active ?? true,
    },
    resetOnSuccess: !policy,
    onSuccess: onDone,
  })
  const id = (f: string) => `sla-${key}-${f}`
  const fieldError = !!state.fieldErrors && Object.keys(state.fieldErrors).length > 0
  const dayHint = dayTargetHint(weekly, String(form.watch('businessHours')) !== 'false', (k, v) => t(`dayHint.${k}`, v))
  return (
    <form method="post" ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4" aria-label={policy ? t('editLabel') : t('addLabel')}>
      <input type="hidden" name="org" value={org} />
      <input type="hidden" {...form.register('id')} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={id('priority')} label={t('priority')} error={err('priority')}>
          <Select id={id('priority')} invalid={!!err('priority')} describedBy={`${id('priority')}-error`} {...form.register('priority')}>
            {priorities.map((p) => <option key={p} value={p}>{tp(p)}</option>)}
          </Select>
        </Field>
        <Field id={id('category')} label={t('category')} error={err('categoryId')} hint={t('categoryHint')}>
          <Select id={id('category')} invalid={!!err('categoryId')} describedBy={`${id('category')}-error`} {...form.register('categoryId')}>
            <option value="">{t('allCategories')}</option>
            {categories.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </Select>
        </Field>
        <DurationField form={form} name="responseMinutes" label={t('firstResponse')} id={id('response')} error={err('responseMinutes')} initial={policy?.responseMinutes ?? 240} dayHint={dayHint} />
        <DurationField form={form} name="resolutionMinutes" label={t('resolution')} id={id('resolution')} error={err('resolutionMinutes')} initial={policy?.resolutionMinutes ?? 2880} dayHint={dayHint} />
        <Field id={id('clock')} label={t('clock')} error={err('businessHours')} hint={t('clockHint', { timeZone })}>
          <Select id={id('clock')} {...form.register('businessHours')}>
            <option value="true">{t('businessHours')}</option>
            <option value="false">{t('allDay')}</option>
          </Select>
        </Field>
        <div className="flex items-center gap-2 pt-6">
          <input id={id('active')} type="checkbox" className="h-4 w-4 rounded border-slate-300" {...form.register('active')} />
          <label htmlFor={id('active')} className="text-sm text-slate-700">{t('active')}</label>
        </div>
      </div>
      {!fieldError && <FormMessage state={state} success={policy ? undefined : t('added')} />}
      <div className="flex justify-end">
        <SubmitButton pending={pending} pendingText={t('saving')}>{policy ? t('save') : t('add')}</SubmitButton>
      </div>
    </form>
  )
}

type PolicyForm = ReturnType<typeof useActionForm<typeof SlaPolicyInput>>['form']

/** A number and a unit the admin reads naturally; the hidden field carries the minutes that are posted and validated. */
function DurationField({ form, name, label, id, error, initial, dayHint }: {
  form: PolicyForm; name: 'responseMinutes' | 'resolutionMinutes'; label: string; id: string; error?: string; initial: number; dayHint: string
}) {
  const t = useTranslations('settings.policyForm')
  const [unit, setUnit] = useState<Unit>(unitOf(initial))
  const [amount, setAmount] = useState(String(initial / units[unitOf(initial)]))
  const sync = (a: string, u: Unit) => {
    const n = Number(a)
    // Empty or garbage becomes NaN, which the schema reports as "enter the … target".
    form.setValue(name, a.trim() === '' ? NaN : Math.round(n * units[u]), { shouldDirty: true })
  }
  return (
    <Field id={id} label={label} error={error} hint={unit === 'days' ? dayHint : undefined}>
      <div className="flex gap-2">
        <Input id={id} type="number" min={1} step="any" inputMode="decimal" value={amount} invalid={!!error} describedBy={`${id}-error`}
          onChange={(e) => { setAmount(e.target.value); sync(e.target.value, unit) }} className="w-28" />
        <select aria-label={t('unit', { label })} value={unit} onChange={(e) => { const u = e.target.value as Unit; setUnit(u); sync(amount, u) }}
          className="rounded-md border-0 bg-white px-2 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600">
          <option value="minutes">{t('minutes')}</option>
          <option value="hours">{t('hours')}</option>
          <option value="days">{t('days')}</option>
        </select>
      </div>
      <input type="hidden" {...form.register(name)} />
    </Field>
  )
}
