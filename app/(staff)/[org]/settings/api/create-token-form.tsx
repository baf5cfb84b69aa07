'use client'
import { useEffect } from 'react'
import { useTranslations } from 'next-intl'
import { useActionForm } from '@/components/forms/use-action-form'
import { CharCount } from '@/components/ui/char-count'
import { Field, Input, Select } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import { SubmitButton } from '@/components/ui/submit-button'
import { CreateTokenInput, TOKEN_NAME_MAX } from '@/lib/api-tokens/schemas'
import type { Permission } from '@/lib/authz/permissions'
import { createTokenAction } from './actions'

type Created = { name: string; secret: string }

/** The scopes in the order the form offers them: what integrations ask for first. */
export function CreateTokenForm({ org, scopes }: { org: string; scopes: Permission[] }) {
  const t = useTranslations('settings.createTokenForm')
  const { form, state, pending, formRef, onSubmit, err } = useActionForm(CreateTokenInput, createTokenAction, {
    defaultValues: { name: '', ownerEmail: '', scopes: ['ticket:read'], expiresInDays: '90' },
  })
  const created = state.ok ? (state.data as Created) : null
  const { reset } = form
  useEffect(() => {
    if (created) reset({ name: '', ownerEmail: '', scopes: ['ticket:read'], expiresInDays: '90' })
  }, [created, reset])
  return (
    <form method="post" ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4" aria-label={t('label')}>
      <input type="hidden" name="org" value={org} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="token-name" label={t('name')} error={err('name')} hint={t('nameHint')}>
          <Input id="token-name" autoComplete="off" invalid={!!err('name')} describedBy="token-name-error" {...form.register('name')} />
          <CharCount control={form.control} name="name" max={TOKEN_NAME_MAX} id="token-name" quietBelow={0.8} />
        </Field>
        <Field id="token-owner" label={t('owner')} error={err('ownerEmail')}
          hint={t('ownerHint')}>
          <Input id="token-owner" type="email" autoComplete="off" invalid={!!err('ownerEmail')} describedBy="token-owner-error" {...form.register('ownerEmail')} />
        </Field>
      </div>
      <fieldset aria-describedby={err('scopes') ? 'token-scopes-error' : undefined}>
        <legend className="text-sm font-medium text-slate-700">{t('scopes')}</legend>
        <div className="mt-2 grid gap-x-6 gap-y-1.5 sm:grid-cols-2">
          {scopes.map((s) => (
            <label key={s} className="flex items-start gap-2 text-sm text-slate-700">
              <input type="checkbox" value={s} className="mt-0.5 h-4 w-4 rounded border-slate-300" {...form.register('scopes')} />
              <span>{t(`scopeLabels.${s.replace(':', '_')}`)} <code className="font-mono text-xs text-slate-600">{s}</code></span>
            </label>
          ))}
        </div>
        {err('scopes') && <p id="token-scopes-error" role="alert" className="mt-1 text-sm text-rose-600">{err('scopes')}</p>}
      </fieldset>
      <Field id="token-expiry" label={t('expires')} error={err('expiresInDays')}>
        <Select id="token-expiry" className="sm:w-56" invalid={!!err('expiresInDays')} describedBy="token-expiry-error" {...form.register('expiresInDays')}>
          <option value="30">{t('in30')}</option>
          <option value="90">{t('in90')}</option>
          <option value="365">{t('inYear')}</option>
          <option value="never">{t('never')}</option>
        </Select>
      </Field>
      {created ? (
        <div role="status" className="space-y-1 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-emerald-200">
          <p>{t('created', { name: created.name })}</p>
          <p><code aria-label={t('newToken')} className="break-all rounded bg-white/70 px-1 font-mono">{created.secret}</code></p>
          <p className="text-xs">{t.rich('usage', { org, code: (c) => <code className="font-mono">{c}</code> })}</p>
        </div>
      ) : <FormMessage state={state} />}
      <div className="flex justify-end">
        <SubmitButton pending={pending} pendingText={t('creating')}>{t('submit')}</SubmitButton>
      </div>
    </form>
  )
}
