'use client'
import { useRef } from 'react'
import { useTranslations } from 'next-intl'
import { useActionForm } from '@/components/forms/use-action-form'
import { Dialog } from '@/components/ui/dialog'
import { Field, Input, Select } from '@/components/ui/field'
import { buttonClass } from '@/components/ui/button'
import { FormMessage } from '@/components/ui/form-message'
import { SubmitButton } from '@/components/ui/submit-button'
import { SaveViewInput } from '@/lib/views/schemas'
import { saveViewAction } from './view-actions'

/**
 * "Save view": names the list's current search and sort. Admins choose who else sees it
 * (the organisation or one team); everyone else keeps views for themselves.
 */
export function SaveViewButton({ org, query, sort, sortLabel, dir, teams, canShare }: {
  org: string; query: string; sort: string; sortLabel: string; dir: 'asc' | 'desc'
  teams: { id: string; name: string }[]; canShare: boolean
}) {
  const t = useTranslations('tickets.saveViewButton')
  const dialog = useRef<HTMLDialogElement>(null)
  const { form, state, pending, formRef, onSubmit, err } = useActionForm(SaveViewInput, saveViewAction, {
    defaultValues: { name: '', query, sort: sort as never, dir, scope: 'personal' },
    onSuccess: (s) => {
      const id = (s.data as { id?: string } | undefined)?.id
      // A full load, as the filters do (same-route client navigations can stall: see ticket-filters.tsx).
      if (id) window.location.assign(`/${org}/tickets?view=${id}`)
    },
  })
  const fieldError = !!state.fieldErrors && Object.keys(state.fieldErrors).some((k) => ['name', 'scope'].includes(k))
  return (
    <>
      <button type="button" className={buttonClass('secondary')} onClick={() => dialog.current?.showModal()}>{t('button')}</button>
      <Dialog ref={dialog} title={t('title')} description={t('description')}>
        <form method="post" ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4" aria-label={t('button')}>
          <input type="hidden" name="org" value={org} />
          <input type="hidden" name="query" value={query} />
          <input type="hidden" name="sort" value={sort} />
          <input type="hidden" name="dir" value={dir} />
          <Field id="view-name" label={t('name')} error={err('name')}>
            <Input id="view-name" autoComplete="off" maxLength={80} invalid={!!err('name')} describedBy="view-name-error" {...form.register('name')} />
          </Field>
          {canShare ? (
            <Field id="view-scope" label={t('scope')} error={err('scope')}>
              <Select id="view-scope" invalid={!!err('scope')} describedBy="view-scope-error" {...form.register('scope')}>
                <option value="personal">{t('onlyMe')}</option>
                <option value="org">{t('everyone')}</option>
                {teams.map((team) => <option key={team.id} value={`team:${team.id}`}>{t('team', { team: team.name })}</option>)}
              </Select>
            </Field>
          ) : <input type="hidden" name="scope" value="personal" />}
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 rounded-md bg-slate-50 p-3 text-xs">
            <dt className="font-medium text-slate-600">{t('search')}</dt>
            <dd className="break-all text-slate-800">{query ? <code className="font-mono">{query}</code> : <span className="text-slate-600">{t('noSearch')}</span>}</dd>
            <dt className="font-medium text-slate-600">{t('sort')}</dt>
            <dd className="text-slate-800">{sortLabel}, {dir === 'asc' ? t('ascending') : t('descending')}</dd>
          </dl>
          {state.fieldErrors?.query && <p role="alert" className="text-sm text-rose-600">{t('fixSearch', { errors: state.fieldErrors.query.join('; ') })}</p>}
          {!fieldError && !state.fieldErrors?.query && <FormMessage state={state} />}
          <div className="flex justify-end gap-2">
            <button type="button" onClick={() => dialog.current?.close()} className={buttonClass('secondary')}>{t('cancel')}</button>
            <SubmitButton pending={pending} pendingText={t('saving')}>{t('button')}</SubmitButton>
          </div>
        </form>
      </Dialog>
    </>
  )
}
