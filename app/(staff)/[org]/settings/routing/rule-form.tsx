'use client'
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
  const id = (f: string) => `rule-${rule?.id ?? 'new'}-${f}`
  const saved = (state.data as { name?: string } | undefined)?.name
  const fieldError = !!state.fieldErrors && Object.keys(state.fieldErrors).some((k) => fieldNames.includes(k))
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4" aria-label={rule ? `Edit rule ${rule.name}` : 'Add routing rule'}>
      <input type="hidden" name="org" value={org} />
      <input type="hidden" {...form.register('ruleId')} />
      <div className={`grid gap-4 ${rule ? '' : 'sm:grid-cols-2'}`}>
        <Field id={id('name')} label="Rule name" error={err('name')}>
          <Input id={id('name')} autoComplete="off" placeholder="e.g. Network problems" invalid={!!err('name')} describedBy={`${id('name')}-error`} {...form.register('name')} />
        </Field>
        <Field id={id('team')} label="Send to team" error={err('teamId')}>
          <Select id={id('team')} invalid={!!err('teamId')} describedBy={`${id('team')}-error`} {...form.register('teamId')}>
            <option value="">Choose a team…</option>
            {teams.map((t) => <option key={t.id} value={t.id}>{t.name}{t.restricted ? ' (restricted)' : ''}</option>)}
          </Select>
        </Field>
        <Field id={id('category')} label="When the category is" error={err('categoryId')}>
          <Select id={id('category')} invalid={!!err('categoryId')} describedBy={`${id('category')}-error`} {...form.register('categoryId')}>
            <option value="">Any category</option>
            {categories.map((c) => <option key={c.id} value={c.id}>{c.name}{c.sensitive ? ' (sensitive)' : ''}</option>)}
          </Select>
        </Field>
        <fieldset>
          <legend className="block text-sm font-medium text-slate-700">And the priority is</legend>
          <div className="mt-2 flex flex-wrap gap-x-4 gap-y-1" aria-describedby={err('priorities') ? `${id('priorities')}-error` : `${id('priorities')}-hint`}>
            {priorityOptions.map((p) => (
              <label key={p} className="flex items-center gap-1.5 text-sm text-slate-700">
                <input type="checkbox" value={p} className="h-4 w-4 rounded border-slate-300" {...form.register('priorities')} />
                {p[0].toUpperCase() + p.slice(1)}
              </label>
            ))}
          </div>
          {err('priorities') ? <p id={`${id('priorities')}-error`} role="alert" className="mt-1 text-sm text-rose-600">{err('priorities')}</p>
            : <p id={`${id('priorities')}-hint`} className="mt-1 text-xs text-slate-600">None ticked: any priority.</p>}
        </fieldset>
        <Field id={id('keywords')} label="And the title or description mentions" error={err('keywords')} hint="Words or phrases, separated by commas; any one of them matches.">
          <Input id={id('keywords')} autoComplete="off" placeholder="vpn, wi-fi, network" invalid={!!err('keywords')} describedBy={`${id('keywords')}-error`} {...form.register('keywords')} />
        </Field>
        <Field id={id('domains')} label="And the requester's email domain is" error={err('requesterDomains')} hint="e.g. acme.test; subdomains count too. Empty: anyone.">
          <Input id={id('domains')} autoComplete="off" placeholder="example.org" invalid={!!err('requesterDomains')} describedBy={`${id('domains')}-error`} {...form.register('requesterDomains')} />
        </Field>
      </div>
      <div className="flex items-center gap-2">
        <input id={id('active')} type="checkbox" className="h-4 w-4 rounded border-slate-300" {...form.register('active')} />
        <label htmlFor={id('active')} className="text-sm text-slate-700">Active</label>
      </div>
      {!fieldError && <FormMessage state={state} success={rule ? undefined : saved ? `Rule “${saved}” added at the end of the list.` : undefined} />}
      <div className="flex justify-end">
        <SubmitButton pending={pending} pendingText="Saving…">{rule ? 'Save rule' : 'Add rule'}</SubmitButton>
      </div>
    </form>
  )
}
