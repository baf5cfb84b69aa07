'use client'
import { useRef, useState } from 'react'
import { useTranslations } from 'next-intl'
import { useActionForm } from '@/components/forms/use-action-form'
import type { ServerAction } from '@/components/forms/use-server-action'
import { buttonClass } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { Field, Input } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import { MergeTicketsInput } from '@/lib/tickets/schemas'

/**
 * Merge this ticket (a duplicate) into another: the number is checked in the browser, then a
 * confirmation says what will happen before anything is sent; on success the agent lands on
 * the ticket kept.
 */
export function MergeForm({ org, number, action }: { org: string; number: number; action: ServerAction }) {
  const t = useTranslations('tickets.mergeForm')
  const dialog = useRef<HTMLDialogElement>(null)
  const confirmed = useRef(false)
  const [into, setInto] = useState<string>('')
  const { form, state, pending, formRef, onSubmit, err } = useActionForm(MergeTicketsInput, action, {
    defaultValues: { number, into: '' as unknown as number },
    // A full page load, not router.push: the action's own refresh and the live refresh of
    // this (now closed) ticket race a client navigation, which then intermittently never
    // commits (vercel/next.js#83386, as with the list's filters).
    onSuccess: (s) => { const d = s.data as { into?: number } | undefined; if (d?.into) window.location.assign(`/${org}/tickets/${d.into}`) },
  })
  return (
    <form method="post" ref={formRef} noValidate aria-label={t('formLabel')} className="space-y-3" onSubmit={(e) => {
      if (confirmed.current) { confirmed.current = false; return onSubmit(e) }
      e.preventDefault()
      // Validate first; only a well-formed number opens the confirmation.
      void form.trigger().then((ok) => { if (ok) { setInto(String(form.getValues('into'))); dialog.current?.showModal() } })
    }}>
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="number" value={number} />
      <Field id="merge-into" label={t('label')} error={err('into')} hint={t('hint')}>
        <Input id="merge-into" inputMode="numeric" autoComplete="off" invalid={!!err('into')} describedBy="merge-into-error" {...form.register('into')} />
      </Field>
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className={buttonClass('secondary', 'w-full')}>{pending ? t('merging') : t('merge')}</button>
      <Dialog ref={dialog} title={t('confirmTitle', { number, into })} description={t('confirmBody', { number, into })}>
        <div className="flex justify-end gap-2">
          <button type="button" autoFocus onClick={() => dialog.current?.close()} className={buttonClass('secondary')}>{t('keepApart')}</button>
          <button type="button" className={buttonClass('danger')} onClick={() => { dialog.current?.close(); confirmed.current = true; formRef.current?.requestSubmit() }}>
            {t('confirm')}
          </button>
        </div>
      </Dialog>
    </form>
  )
}
