'use client'
import { startTransition, useActionState, useEffect, useRef } from 'react'
import { Badge } from '@/components/ui/badge'
import { Field, Input, Select, Textarea } from '@/components/ui/field'
import { initialActionState, type ActionState } from '@/lib/actions/state'
import { conditionLabels } from '@/lib/routing/match'
import type { RoutePreview } from '@/lib/routing/preview'
import type { TicketPriority } from '@/lib/tickets/workflow'
import { previewRouteAction } from './actions'

const priorities: TicketPriority[] = ['urgent', 'high', 'normal', 'low']

/**
 * "Which rule would match this ticket?" The answer is computed on the server by the same
 * matcher routing uses, as the admin types (debounced); it also works as a plain form.
 */
export function RoutePreviewForm({ org, categories, defaultEmail }: { org: string; categories: { id: string; name: string; sensitive: boolean }[]; defaultEmail: string }) {
  const [state, action, pending] = useActionState(previewRouteAction, initialActionState as ActionState<RoutePreview>)
  const formRef = useRef<HTMLFormElement>(null)
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
  const run = () => startTransition(() => action(new FormData(formRef.current!)))
  const soon = () => { clearTimeout(timer.current); timer.current = setTimeout(run, 300) }
  // The first answer without waiting for a keystroke.
  useEffect(() => { run() }, []) // eslint-disable-line react-hooks/exhaustive-deps
  const p = state.data
  const err = (f: string) => state.fieldErrors?.[f]?.[0]
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <form ref={formRef} action={action} onChange={soon} onInput={soon} className="space-y-3" aria-label="Test a ticket against the rules">
        <input type="hidden" name="org" value={org} />
        <Field id="pv-title" label="Title"><Input id="pv-title" name="title" autoComplete="off" placeholder="VPN drops every 10 minutes" /></Field>
        <Field id="pv-description" label="Description"><Textarea id="pv-description" name="description" rows={2} /></Field>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field id="pv-category" label="Category">
            <Select id="pv-category" name="categoryId" defaultValue="">
              <option value="">No category</option>
              {categories.map((c) => <option key={c.id} value={c.id}>{c.name}{c.sensitive ? ' (sensitive)' : ''}</option>)}
            </Select>
          </Field>
          <Field id="pv-priority" label="Priority">
            <Select id="pv-priority" name="priority" defaultValue="normal">
              {priorities.map((x) => <option key={x} value={x}>{x[0].toUpperCase() + x.slice(1)}</option>)}
            </Select>
          </Field>
        </div>
        <Field id="pv-email" label="Requester email" error={err('requesterEmail')}>
          <Input id="pv-email" name="requesterEmail" type="email" autoComplete="off" defaultValue={defaultEmail} invalid={!!err('requesterEmail')} describedBy="pv-email-error" />
        </Field>
        <noscript><button type="submit" className="text-sm text-indigo-700">Check</button></noscript>
      </form>

      <section aria-labelledby="pv-result-h" aria-live="polite" aria-busy={pending} className="rounded-md bg-slate-50 p-4 ring-1 ring-slate-200">
        <h3 id="pv-result-h" className="text-sm font-semibold text-slate-900">Result</h3>
        {state.ok === false && !state.fieldErrors && <p role="alert" className="mt-2 text-sm text-rose-700">{state.message}</p>}
        {!p ? <p className="mt-2 text-sm text-slate-600">{pending ? 'Checking…' : 'Describe a ticket to see where it would go.'}</p> : (
          <div className="mt-2 space-y-3 text-sm">
            <p data-testid="route-preview-outcome" className="text-slate-800">
              {p.via === 'rule' && <>Rule {p.rule!.position} <strong>“{p.rule!.name}”</strong> matches: the ticket goes to <strong>{p.team!.name}</strong>.</>}
              {p.via === 'sensitive_fallback' && <>Sensitive ticket: the matching rules send to teams that are not restricted, so it goes to the restricted team <strong>{p.team!.name}</strong>.</>}
              {p.via === 'none' && <>No rule matches: the ticket stays <strong>unassigned</strong>, with no team.</>}
            </p>
            {p.sensitive && <p><Badge tone="violet">Sensitive</Badge> <span className="text-slate-600">Only restricted teams can receive it.</span></p>}
            {p.evaluations.length > 0 && (
              <ol className="space-y-1" aria-label="Rules in order">
                {p.evaluations.map((e) => {
                  const won = p.rule?.id === e.ruleId
                  return (
                    <li key={e.ruleId} className={`flex flex-wrap items-baseline gap-2 ${won ? 'font-medium text-emerald-800' : 'text-slate-600'}`}>
                      <span className="tabular-nums text-slate-600">{e.position}.</span>
                      <span>{e.name}</span>
                      <span className="text-xs">
                        {won ? '✓ matches'
                          : e.skipped === 'inactive' ? 'would match, but is inactive'
                          : e.skipped === 'not_restricted' ? 'matches, but its team is not restricted'
                          : e.failed.length ? `✗ ${e.failed.map((f) => conditionLabels[f]).join(', ')} ${e.failed.length === 1 ? 'does' : 'do'} not match`
                          : 'matches too, but comes later'}
                      </span>
                    </li>
                  )
                })}
              </ol>
            )}
          </div>
        )}
      </section>
    </div>
  )
}
