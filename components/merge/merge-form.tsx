'use client'
import { useRef, useState } from 'react'
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
    <form ref={formRef} noValidate aria-label="Merge into another ticket" className="space-y-3" onSubmit={(e) => {
      if (confirmed.current) { confirmed.current = false; return onSubmit(e) }
      e.preventDefault()
      // Validate first; only a well-formed number opens the confirmation.
      void form.trigger().then((ok) => { if (ok) { setInto(String(form.getValues('into'))); dialog.current?.showModal() } })
    }}>
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="number" value={number} />
      <Field id="merge-into" label="Merge this ticket into #" error={err('into')} hint="For duplicates: the conversation and files move there and this ticket closes.">
        <Input id="merge-into" inputMode="numeric" autoComplete="off" invalid={!!err('into')} describedBy="merge-into-error" {...form.register('into')} />
      </Field>
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className={buttonClass('secondary', 'w-full')}>{pending ? 'Merging…' : 'Merge…'}</button>
      <Dialog ref={dialog} title={`Merge #${number} into #${into}?`} description={<>
        Its description, replies, internal notes (still internal) and files move to #{into}, and #{number} closes with a link there.
        Public replies become visible to the requester of #{into}. Both requesters are told. This cannot be undone.
      </>}>
        <div className="flex justify-end gap-2">
          <button type="button" autoFocus onClick={() => dialog.current?.close()} className={buttonClass('secondary')}>Keep them apart</button>
          <button type="button" className={buttonClass('danger')} onClick={() => { dialog.current?.close(); confirmed.current = true; formRef.current?.requestSubmit() }}>
            Merge tickets
          </button>
        </div>
      </Dialog>
    </form>
  )
}
