'use client'
import { useId, useState } from 'react'
import { useTranslations } from 'next-intl'
import { useForm, type Resolver } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { useLocalisedResolver } from '@/lib/i18n/server-messages/client'
import { useServerAction, type ServerAction } from '@/components/forms/use-server-action'
import { buttonClass } from '@/components/ui/button'
import { Combobox, type ComboOption } from '@/components/ui/combobox'
import { Field, Input } from '@/components/ui/field'
import { AddCallerInput } from '@/lib/members/schemas'

type Person = { userId: string; name: string; email: string; role: string }
type Caller = { name: string; email: string; phone?: string }

/** This org's active members by name or email (GET /api/[org]/callers, the data-access layer decides who). */
async function fetchCallers(org: string, q: string, signal: AbortSignal): Promise<ComboOption[]> {
  const res = await fetch(`/api/${org}/callers?${new URLSearchParams({ q })}`, { signal, headers: { accept: 'application/json' } })
  if (!res.ok) throw new Error(`caller search failed (${res.status})`)
  const { people } = (await res.json()) as { people: Person[] }
  return people.map((p) => ({ id: p.email, label: p.name, hint: p.role === 'requester' ? p.email : `${p.email} · ${p.role}` }))
}

/**
 * Who the ticket is for (issue 18: an exact email was needed, with no search and no way to
 * add someone new). A type-ahead over the org's members, and "Add new caller" for a person
 * not yet in it. The choice is the member's email in `onPick`; the ticket form posts it as
 * before, so the server's checks are unchanged. The caller fields are not a nested <form>
 * (HTML has none): they are validated with the same zod schema and posted on their own.
 */
export function RequesterPicker({ org, error, onPick, addCaller }: {
  org: string; error?: string; onPick: (email: string) => void; addCaller: ServerAction
}) {
  const t = useTranslations('tickets.requesterPicker')
  const ME: ComboOption = { id: '', label: t('me') }
  const [value, setValue] = useState<ComboOption | null>(ME)
  const [adding, setAdding] = useState(false)
  const [added, setAdded] = useState<string | null>(null)
  const pick = (o: ComboOption) => { setValue(o); onPick(o.id); setAdded(null) }
  return (
    <div className="space-y-2">
      <Field id="requester" label={t('label')} error={error} hint={t('hint')}>
        <Combobox id="requester" value={value} onChange={pick} fixed={[ME]} invalid={!!error} describedBy="requester-error"
          placeholder={t('placeholder')} emptyText={t('empty')} load={(q, signal) => fetchCallers(org, q, signal)} />
      </Field>
      {added && <p role="status" className="text-sm text-emerald-700">{added}</p>}
      {adding
        ? <NewCaller org={org} action={addCaller} onCancel={() => setAdding(false)} onAdded={(c) => {
          setAdding(false)
          pick({ id: c.email, label: c.name, hint: c.email })
          setAdded(t('added', { name: c.name }))
        }} />
        : <button type="button" className={buttonClass('ghost', 'px-2 py-1 text-xs')} onClick={() => setAdding(true)}>{t('addNew')}</button>}
    </div>
  )
}

function NewCaller({ org, action, onAdded, onCancel }: { org: string; action: ServerAction; onAdded: (c: Caller) => void; onCancel: () => void }) {
  const t = useTranslations('tickets.requesterPicker')
  const headingId = useId()
  const { state, pending, run } = useServerAction(action, { refresh: false })
  // The schema's phone field is preprocessed ('' → absent), so its input type is unknown; the form's values are strings.
  const form = useForm<Caller>({ resolver: useLocalisedResolver(zodResolver(AddCallerInput)) as unknown as Resolver<Caller>, defaultValues: { name: '', email: '', phone: '' } })
  const errors = form.formState.errors
  const server = state.ok === false ? state.fieldErrors ?? {} : {}
  const err = (f: keyof Caller) => errors[f]?.message ?? server[f]?.[0]
  const submit = form.handleSubmit(async (v) => {
    const data = new FormData()
    data.set('org', org)
    for (const [k, val] of Object.entries(v)) if (val) data.set(k, String(val))
    const result = await run(data)
    if (result?.ok) onAdded((result.data as Caller | undefined) ?? v)
  })
  // Enter in these fields adds the caller; it must not submit the ticket form around them.
  const onKeyDown = (e: React.KeyboardEvent) => { if (e.key === 'Enter') { e.preventDefault(); void submit() } }
  return (
    <div role="group" aria-labelledby={headingId} className="space-y-3 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200" onKeyDown={onKeyDown}>
      <p id={headingId} className="text-sm font-medium text-slate-800">{t('newCaller')}</p>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field id="caller-name" label={t('callerName')} error={err('name')}>
          <Input id="caller-name" autoFocus autoComplete="off" invalid={!!err('name')} describedBy="caller-name-error" {...form.register('name')} />
        </Field>
        <Field id="caller-email" label={t('callerEmail')} error={err('email')}>
          <Input id="caller-email" type="email" autoComplete="off" invalid={!!err('email')} describedBy="caller-email-error" {...form.register('email')} />
        </Field>
        <Field id="caller-phone" label={t('phone')} error={err('phone')}>
          <Input id="caller-phone" type="tel" autoComplete="off" invalid={!!err('phone')} describedBy="caller-phone-error" {...form.register('phone')} />
        </Field>
      </div>
      {state.ok === false && !state.fieldErrors && state.message && <p role="alert" className="text-sm text-rose-600">{state.message}</p>}
      <div className="flex justify-end gap-2">
        <button type="button" className={buttonClass('ghost', 'py-1.5')} onClick={onCancel}>{t('cancel')}</button>
        <button type="button" className={buttonClass('secondary', 'py-1.5')} disabled={pending} aria-busy={pending} onClick={() => void submit()}>
          {pending ? t('adding') : t('addCaller')}
        </button>
      </div>
    </div>
  )
}
