'use client'
import { useState } from 'react'
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
  const dayHint = dayTargetHint(weekly, String(form.watch('businessHours')) !== 'false')
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4" aria-label={policy ? 'Edit SLA policy' : 'Add SLA policy'}>
      <input type="hidden" name="org" value={org} />
      <input type="hidden" {...form.register('id')} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={id('priority')} label="Priority" error={err('priority')}>
          <Select id={id('priority')} invalid={!!err('priority')} describedBy={`${id('priority')}-error`} {...form.register('priority')}>
            {priorities.map((p) => <option key={p} value={p}>{p[0].toUpperCase() + p.slice(1)}</option>)}
          </Select>
        </Field>
        <Field id={id('category')} label="Category" error={err('categoryId')} hint="A category policy wins over the priority default.">
          <Select id={id('category')} invalid={!!err('categoryId')} describedBy={`${id('category')}-error`} {...form.register('categoryId')}>
            <option value="">All categories</option>
            {categories.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </Select>
        </Field>
        <DurationField form={form} name="responseMinutes" label="First response" id={id('response')} error={err('responseMinutes')} initial={policy?.responseMinutes ?? 240} dayHint={dayHint} />
        <DurationField form={form} name="resolutionMinutes" label="Resolution" id={id('resolution')} error={err('resolutionMinutes')} initial={policy?.resolutionMinutes ?? 2880} dayHint={dayHint} />
        <Field id={id('clock')} label="Clock" error={err('businessHours')} hint={`Business hours follow the calendar below (${timeZone}); 24/7 counts every minute.`}>
          <Select id={id('clock')} {...form.register('businessHours')}>
            <option value="true">Business hours</option>
            <option value="false">24/7</option>
          </Select>
        </Field>
        <div className="flex items-center gap-2 pt-6">
          <input id={id('active')} type="checkbox" className="h-4 w-4 rounded border-slate-300" {...form.register('active')} />
          <label htmlFor={id('active')} className="text-sm text-slate-700">Active</label>
        </div>
      </div>
      {!fieldError && <FormMessage state={state} success={policy ? undefined : 'Policy added.'} />}
      <div className="flex justify-end">
        <SubmitButton pending={pending} pendingText="Saving…">{policy ? 'Save policy' : 'Add policy'}</SubmitButton>
      </div>
    </form>
  )
}

type PolicyForm = ReturnType<typeof useActionForm<typeof SlaPolicyInput>>['form']

/** A number and a unit the admin reads naturally; the hidden field carries the minutes that are posted and validated. */
function DurationField({ form, name, label, id, error, initial, dayHint }: {
  form: PolicyForm; name: 'responseMinutes' | 'resolutionMinutes'; label: string; id: string; error?: string; initial: number; dayHint: string
}) {
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
        <select aria-label={`${label} unit`} value={unit} onChange={(e) => { const u = e.target.value as Unit; setUnit(u); sync(amount, u) }}
          className="rounded-md border-0 bg-white px-2 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600">
          <option value="minutes">minutes</option>
          <option value="hours">hours</option>
          <option value="days">days</option>
        </select>
      </div>
      <input type="hidden" {...form.register(name)} />
    </Field>
  )
}
