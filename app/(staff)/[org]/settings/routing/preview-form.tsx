'use client'
import { startTransition, useActionState, useEffect, useRef } from 'react'
import { useTranslations } from 'next-intl'
import { Badge } from '@/components/ui/badge'
import { Field, Input, Select, Textarea } from '@/components/ui/field'
import { initialActionState, type ActionState } from '@/lib/actions/state'
import type { RoutePreview } from '@/lib/routing/preview'
import type { TicketPriority } from '@/lib/tickets/workflow'
import { previewRouteAction } from './actions'

const priorities: TicketPriority[] = ['urgent', 'high', 'normal', 'low']

/**
 * "Which rule would match this ticket?" The answer is computed on the server by the same
 * matcher routing uses, as the admin types (debounced); it also works as a plain form.
 */
export function RoutePreviewForm({ org, categories, defaultEmail }: { org: string; categories: { id: string; name: string; sensitive: boolean }[]; defaultEmail: string }) {
  const t = useTranslations('settings.previewForm')
  const tp = useTranslations('common.priority')
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
      <form ref={formRef} action={action} onChange={soon} onInput={soon} className="space-y-3" aria-label={t('label')}>
        <input type="hidden" name="org" value={org} />
        <Field id="pv-title" label={t('title')}><Input id="pv-title" name="title" autoComplete="off" placeholder={t('titlePlaceholder')} /></Field>
        <Field id="pv-description" label={t('description')}><Textarea id="pv-description" name="description" rows={2} /></Field>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field id="pv-category" label={t('category')}>
            <Select id="pv-category" name="categoryId" defaultValue="">
              <option value="">{t('noCategory')}</option>
              {categories.map((c) => <option key={c.id} value={c.id}>{c.name}{c.sensitive ? ' ' + t('sensitiveSuffix') : ''}</option>)}
            </Select>
          </Field>
          <Field id="pv-priority" label={t('priority')}>
            <Select id="pv-priority" name="priority" defaultValue="normal">
              {priorities.map((x) => <option key={x} value={x}>{tp(x)}</option>)}
            </Select>
          </Field>
        </div>
        <Field id="pv-email" label={t('requesterEmail')} error={err('requesterEmail')}>
          <Input id="pv-email" name="requesterEmail" type="email" autoComplete="off" defaultValue={defaultEmail} invalid={!!err('requesterEmail')} describedBy="pv-email-error" />
        </Field>
        <noscript><button type="submit" className="text-sm text-indigo-700">{t('check')}</button></noscript>
      </form>

      <section aria-labelledby="pv-result-h" aria-live="polite" aria-busy={pending} className="rounded-md bg-slate-50 p-4 ring-1 ring-slate-200">
        <h3 id="pv-result-h" className="text-sm font-semibold text-slate-900">{t('result')}</h3>
        {state.ok === false && !state.fieldErrors && <p role="alert" className="mt-2 text-sm text-rose-700">{state.message}</p>}
        {!p ? <p className="mt-2 text-sm text-slate-600">{pending ? t('checking') : t('describe')}</p> : (
          <div className="mt-2 space-y-3 text-sm">
            <p data-testid="route-preview-outcome" className="text-slate-800">
              {p.via === 'rule' && t.rich('viaRule', { position: p.rule!.position, name: p.rule!.name, team: p.team!.name, strong: (c) => <strong>{c}</strong> })}
              {p.via === 'sensitive_fallback' && t.rich('viaFallback', { team: p.team!.name, strong: (c) => <strong>{c}</strong> })}
              {p.via === 'none' && t.rich('viaNone', { strong: (c) => <strong>{c}</strong> })}
            </p>
            {p.sensitive && <p><Badge tone="violet">{t('sensitive')}</Badge> <span className="text-slate-600">{t('onlyRestricted')}</span></p>}
            {p.evaluations.length > 0 && (
              <ol className="space-y-1" aria-label={t('rulesInOrder')}>
                {p.evaluations.map((e) => {
                  const won = p.rule?.id === e.ruleId
                  return (
                    <li key={e.ruleId} className={`flex flex-wrap items-baseline gap-2 ${won ? 'font-medium text-emerald-800' : 'text-slate-600'}`}>
                      <span className="tabular-nums text-slate-600">{e.position}.</span>
                      <span>{e.name}</span>
                      <span className="text-xs">
                        {won ? t('matches')
                          : e.skipped === 'inactive' ? t('inactive')
                          : e.skipped === 'not_restricted' ? t('notRestricted')
                          : e.failed.length ? t('failed', { conditions: e.failed.map((f) => t(`conditions.${f}`)).join(', '), count: e.failed.length })
                          : t('later')}
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
