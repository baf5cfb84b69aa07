'use client'
import { useState } from 'react'
import { useTranslations } from 'next-intl'
import { useServerAction, type ServerAction } from '@/components/forms/use-server-action'
import { Field, Textarea } from '@/components/ui/field'
import { SubmitButton } from '@/components/ui/submit-button'
import { CSAT_COMMENT_MAX, type CsatRating } from '@/lib/csat/schemas'

/**
 * Good / bad and an optional comment. The email's links open this with the answer chosen;
 * it is sent by pressing the button, not by opening the link — mail scanners open links,
 * and a one-time link must not be used up by a robot.
 */
export function SurveyForm({ action, hidden, initial }: { action: ServerAction; hidden: Record<string, string | number>; initial?: CsatRating }) {
  const t = useTranslations('portal.surveyForm')
  const { state, pending, onSubmit } = useServerAction(action)
  const [rating, setRating] = useState<CsatRating | undefined>(initial)
  if (state.ok) return <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-700 ring-1 ring-emerald-200">{t('thanks')}</p>
  const choice = (value: CsatRating, label: string, tone: string) => (
    <label className={`flex cursor-pointer items-center gap-2 rounded-md px-4 py-2 text-sm font-medium ring-1 ${rating === value ? tone : 'bg-white text-slate-700 ring-slate-300'}`}>
      <input type="radio" name="rating" value={value} checked={rating === value} onChange={() => setRating(value)} className="h-4 w-4" /> {label}
    </label>
  )
  return (
    <form method="post" onSubmit={onSubmit} className="space-y-4" aria-label={t('label')}>
      {Object.entries(hidden).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-slate-700">{t('legend')}</legend>
        <div className="flex flex-wrap gap-3">
          {choice('good', t('good'), 'bg-emerald-50 text-emerald-800 ring-emerald-400')}
          {choice('bad', t('bad'), 'bg-rose-50 text-rose-800 ring-rose-400')}
        </div>
      </fieldset>
      <Field id="csat-comment" label={t('comment')}>
        <Textarea id="csat-comment" name="comment" rows={3} maxLength={CSAT_COMMENT_MAX} />
      </Field>
      {state.ok === false && state.message && <p role="alert" className="text-sm text-rose-600">{state.message}</p>}
      {/* Without a choice the server refuses with a message next to the button. */}
      <SubmitButton pending={pending} pendingText={t('sending')}>{t('send')}</SubmitButton>
    </form>
  )
}
