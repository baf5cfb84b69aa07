'use client'
import { useTranslations } from 'next-intl'
import { useActionForm } from '@/components/forms/use-action-form'
import { Field, Input, Select } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import { SubmitButton } from '@/components/ui/submit-button'
import { RuleInput } from '@/lib/routing/schemas'
import type { TicketPriority } from '@/lib/tickets/workflow'
import { saveRuleAction } from './actions'

export type RuleValues = {
  id: string; name: string; teamId: string; categoryId: string | null; priorities: TicketPriority[]
  keywords: string[]; requesterDomains: string[]; active: boolean
}
type Option = { id: string; name: string }

const priorityOptions: TicketPriority[] = ['urgent', 'high', 'normal', 'low']
const fieldNames = ['name', 'teamId', 'categoryId', 'priorities', 'keywords', 'requesterDomains']

/** Add a rule (no `rule`) or edit one. Empty conditions match every ticket. */
export function RuleForm({ org, teams, categories, rule, onDone }: {
  org: string; teams: (Option & { restricted: boolean })[]; categories: (Option & { sensitive: boolean })[]; rule?: RuleValues; onDone?: () => void
}) {
  const { form, state, pending, formRef, onSubmit, err } = useActionForm(RuleInput, saveRuleAction, {
    defaultValues: {
      ruleId: rule?.id ?? '', name: rule?.name ?? '', teamId: rule?.teamId ?? '', categoryId: rule?.categoryId ?? '',
      priorities: rule?.priorities ?? [], keywords: rule?.keywords.join(', ') ?? '', requesterDomains: rule?.requesterDomains.join(', ') ?? '',
      active: rule?.active ?? true,
    },
    resetOnSuccess: !rule,
    onSuccess: onDone,
  })
  const t = useTranslations('settings.ruleForm')
  const tp = useTranslations('common.priority')
  const id = (f: string) => `rule-${rule?.id ?? 'new'}-${f}`
  const saved = (state.data as { name?: string } | undefined)?.name
  const fieldError = !!state.fieldErrors && Object.keys(state.fieldErrors).some((k) => fieldNames.includes(k))
  return (
    <form method="post" ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4" aria-label={rule ? t('editLabel', { name: rule.name }) : t('addLabel')}>
      <input type="hidden" name="org" value={org} />
      <input type="hidden" {...form.register('ruleId')} />
      <div className={`grid gap-4 ${rule ? '' : 'sm:grid-cols-2'}`}>
        <Field id={id('name')} label={t('name')} error={err('name')}>
          <Input id={id('name')} autoComplete="off" placeholder={t('namePlaceholder')} invalid={!!err('name')} describedBy={`${id('name')}-error`} {...form.register('name')} />
        </Field>
        <Field id={id('team')} label={t('team')} error={err('teamId')}>
          <Select id={id('team')} invalid={!!err('teamId')} describedBy={`${id('team')}-error`} {...form.register('teamId')}>
            <option value="">{t('chooseTeam')}</option>
            {teams.map((team) => <option key={team.id} value={team.id}>{team.name}{team.restricted ? ' ' + t('restricted') : ''}</option>)}
          </Select>
        </Field>
        <Field id={id('category')} label={t('category')} error={err('categoryId')}>
          <Select id={id('category')} invalid={!!err('categoryId')} describedBy={`${id('category')}-error`} {...form.register('categoryId')}>
            <option value="">{t('anyCategory')}</option>
            {categories.map((c) => <option key={c.id} value={c.id}>{c.name}{c.sensitive ? ' ' + t('sensitive') : ''}</option>)}
          </Select>
        </Field>
        <fieldset>
          <legend className="block text-sm font-medium text-slate-700">{t('priority')}</legend>
          <div className="mt-2 flex flex-wrap gap-x-4 gap-y-1" aria-describedby={err('priorities') ? `${id('priorities')}-error` : `${id('priorities')}-hint`}>
            {priorityOptions.map((p) => (
              <label key={p} className="flex items-center gap-1.5 text-sm text-slate-700">
                <input type="checkbox" value={p} className="h-4 w-4 rounded border-slate-300" {...form.register('priorities')} />
                {tp(p)}
              </label>
            ))}
          </div>
          {err('priorities') ? <p id={`${id('priorities')}-error`} role="alert" className="mt-1 text-sm text-rose-600">{err('priorities')}</p>
            : <p id={`${id('priorities')}-hint`} className="mt-1 text-xs text-slate-600">{t('priorityHint')}</p>}
        </fieldset>
        <Field id={id('keywords')} label={t('keywords')} error={err('keywords')} hint={t('keywordsHint')}>
          <Input id={id('keywords')} autoComplete="off" placeholder={t('keywordsPlaceholder')} invalid={!!err('keywords')} describedBy={`${id('keywords')}-error`} {...form.register('keywords')} />
        </Field>
        <Field id={id('domains')} label={t('domains')} error={err('requesterDomains')} hint={t('domainsHint')}>
          <Input id={id('domains')} autoComplete="off" placeholder="example.org" invalid={!!err('requesterDomains')} describedBy={`${id('domains')}-error`} {...form.register('requesterDomains')} />
        </Field>
      </div>
      <div className="flex items-center gap-2">
        <input id={id('active')} type="checkbox" className="h-4 w-4 rounded border-slate-300" {...form.register('active')} />
        <label htmlFor={id('active')} className="text-sm text-slate-700">{t('active')}</label>
      </div>
      {!fieldError && <FormMessage state={state} success={rule ? undefined : saved ? t('added', { name: saved }) : undefined} />}
      <div className="flex justify-end">
        <SubmitButton pending={pending} pendingText={t('saving')}>{rule ? t('save') : t('add')}</SubmitButton>
      </div>
    </form>
  )
}
