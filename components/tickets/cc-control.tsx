'use client'
import { useTranslations } from 'next-intl'
import { useActionForm } from '@/components/forms/use-action-form'
import { useServerAction, type ServerAction } from '@/components/forms/use-server-action'
import { Input } from '@/components/ui/field'
import { SubmitButton } from '@/components/ui/submit-button'
import { MAX_CC, TicketCcInput } from '@/lib/tickets/schemas'

/**
 * The addresses copied on a ticket: each receives its public replies by email (never
 * internal notes). The requester manages them in the portal, staff on the ticket.
 */
export function CcControl({ org, number, emails, sensitive, addAction, removeAction }: {
  org: string; number: number; emails: string[]; sensitive: boolean; addAction: ServerAction; removeAction: ServerAction
}) {
  const { form, state, pending, formRef, onSubmit, err } = useActionForm(TicketCcInput, addAction, {
    defaultValues: { number, email: '' }, resetOnSuccess: true,
  })
  const t = useTranslations('tickets.ccControl')
  const remove = useServerAction(removeAction)
  const removeCc = (email: string) => {
    const data = new FormData()
    data.set('org', org)
    data.set('number', String(number))
    data.set('email', email)
    void remove.run(data)
  }
  const error = err('email') ?? (state.ok === false && !state.fieldErrors?.email ? state.message : undefined)
  return (
    <div className="space-y-3">
      {emails.length > 0 ? (
        <ul aria-label={t('list')} className="space-y-1 text-sm">
          {emails.map((email) => (
            <li key={email} className="flex items-center justify-between gap-2">
              <span className="break-all text-slate-800">{email}</span>
              <button type="button" aria-label={t('remove', { email })} disabled={remove.pending} onClick={() => removeCc(email)}
                className="rounded px-1.5 text-sm text-slate-600 hover:bg-rose-50 hover:text-rose-700 disabled:opacity-50">×</button>
            </li>
          ))}
        </ul>
      ) : <p className="text-sm text-slate-600">{t('empty')}</p>}
      {remove.state.ok === false && <p role="alert" className="text-sm text-rose-600">{remove.state.message}</p>}
      <form method="post" ref={formRef} onSubmit={onSubmit} noValidate aria-label={t('formLabel')} className="space-y-1">
        <input type="hidden" name="org" value={org} />
        <input type="hidden" {...form.register('number')} />
        <label htmlFor={`cc-email-${number}`} className="block text-sm font-medium text-slate-700">{t('inputLabel')}</label>
        <div className="flex gap-2">
          <Input id={`cc-email-${number}`} type="email" inputMode="email" autoComplete="off" placeholder={t('placeholder')}
            invalid={!!error} describedBy={`cc-email-${number}-error`} {...form.register('email')} />
          <SubmitButton pending={pending} pendingText={t('adding')} variant="secondary">{t('add')}</SubmitButton>
        </div>
        {error
          ? <p id={`cc-email-${number}-error`} role="alert" className="text-sm text-rose-600">{error}</p>
          : <p className="text-xs text-slate-600">
            {sensitive ? t('restricted') : t('hint', { max: MAX_CC })}
          </p>}
      </form>
    </div>
  )
}
