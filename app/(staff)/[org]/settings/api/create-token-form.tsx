'use client'
import { useEffect } from 'react'
import { useActionForm } from '@/components/forms/use-action-form'
import { CharCount } from '@/components/ui/char-count'
import { Field, Input, Select } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import { SubmitButton } from '@/components/ui/submit-button'
import { CreateTokenInput, scopeLabels, TOKEN_NAME_MAX } from '@/lib/api-tokens/schemas'
import type { Permission } from '@/lib/authz/permissions'
import { createTokenAction } from './actions'

type Created = { name: string; secret: string }

/** The scopes in the order the form offers them: what integrations ask for first. */
export function CreateTokenForm({ org, scopes }: { org: string; scopes: Permission[] }) {
  const { form, state, pending, formRef, onSubmit, err } = useActionForm(CreateTokenInput, createTokenAction, {
    defaultValues: { name: '', ownerEmail: '', scopes: ['ticket:read'], expiresInDays: '90' },
  })
  const created = state.ok ? (state.data as Created) : null
  const { reset } = form
  useEffect(() => {
    if (created) reset({ name: '', ownerEmail: '', scopes: ['ticket:read'], expiresInDays: '90' })
  }, [created, reset])
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Create API token">
      <input type="hidden" name="org" value={org} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="token-name" label="Name" error={err('name')} hint="What uses it, e.g. “Network monitoring”.">
          <Input id="token-name" autoComplete="off" invalid={!!err('name')} describedBy="token-name-error" {...form.register('name')} />
          <CharCount control={form.control} name="name" max={TOKEN_NAME_MAX} id="token-name" quietBelow={0.8} />
        </Field>
        <Field id="token-owner" label="Acts for (member's email)" error={err('ownerEmail')}
          hint="The token can do what this member may do, at most, and sees what they see.">
          <Input id="token-owner" type="email" autoComplete="off" invalid={!!err('ownerEmail')} describedBy="token-owner-error" {...form.register('ownerEmail')} />
        </Field>
      </div>
      <fieldset aria-describedby={err('scopes') ? 'token-scopes-error' : undefined}>
        <legend className="text-sm font-medium text-slate-700">Scopes</legend>
        <div className="mt-2 grid gap-x-6 gap-y-1.5 sm:grid-cols-2">
          {scopes.map((s) => (
            <label key={s} className="flex items-start gap-2 text-sm text-slate-700">
              <input type="checkbox" value={s} className="mt-0.5 h-4 w-4 rounded border-slate-300" {...form.register('scopes')} />
              <span>{scopeLabels[s]} <code className="font-mono text-xs text-slate-600">{s}</code></span>
            </label>
          ))}
        </div>
        {err('scopes') && <p id="token-scopes-error" role="alert" className="mt-1 text-sm text-rose-600">{err('scopes')}</p>}
      </fieldset>
      <Field id="token-expiry" label="Expires" error={err('expiresInDays')}>
        <Select id="token-expiry" className="sm:w-56" invalid={!!err('expiresInDays')} describedBy="token-expiry-error" {...form.register('expiresInDays')}>
          <option value="30">In 30 days</option>
          <option value="90">In 90 days</option>
          <option value="365">In a year</option>
          <option value="never">Never</option>
        </Select>
      </Field>
      {created ? (
        <div role="status" className="space-y-1 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-emerald-200">
          <p>Token “{created.name}” created. Copy it now: it is not shown again.</p>
          <p><code aria-label="New API token" className="break-all rounded bg-white/70 px-1 font-mono">{created.secret}</code></p>
          <p className="text-xs">Send it as <code className="font-mono">Authorization: Bearer …</code> to <code className="font-mono">/api/v1/{org}/…</code>.</p>
        </div>
      ) : <FormMessage state={state} />}
      <div className="flex justify-end">
        <SubmitButton pending={pending} pendingText="Creating…">Create token</SubmitButton>
      </div>
    </form>
  )
}
