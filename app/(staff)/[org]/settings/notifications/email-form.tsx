'use client'
import { useActionForm } from '@/components/forms/use-action-form'
import { FormMessage } from '@/components/ui/form-message'
import { SubmitButton } from '@/components/ui/submit-button'
import { InboundSettingsInput, type InboundUnknownSenders } from '@/lib/notifications/org-settings'
import { saveInboundSettingsAction } from './actions'

const choices: { value: InboundUnknownSenders; label: string; hint: string }[] = [
  { value: 'refuse', label: 'Refuse mail from people who are not members', hint: 'The sender’s mail server tells them the message was not accepted. Members (requesters and staff) can always write in.' },
  { value: 'create_requester', label: 'Accept it: the sender becomes a requester', hint: 'Anyone who knows the address can open a ticket; they are added to this organisation as a requester, with the portal access that gives.' },
]

/** Where the org receives mail, and the policy for mail from strangers (lib/inbound/receive-mail). */
export function EmailForm({ org, address, replyAddress, unknownSenders }: { org: string; address: string; replyAddress: string; unknownSenders: InboundUnknownSenders }) {
  const { form, state, pending, formRef, onSubmit, err } = useActionForm(InboundSettingsInput, saveInboundSettingsAction, { defaultValues: { unknownSenders } })
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Email settings">
      <input type="hidden" name="org" value={org} />
      <div className="text-sm text-slate-700">
        <p>Mail sent to <code className="rounded bg-slate-100 px-1 py-0.5" data-testid="inbound-address">{address}</code> opens a ticket for its sender; replies to our notifications thread into their ticket.</p>
        <p className="mt-1 text-xs text-slate-600">Replies can also go to <code>{replyAddress}</code>. Auto-replies and list mail are ignored.</p>
      </div>
      <fieldset aria-describedby={err('unknownSenders') ? 'unknown-senders-error' : undefined}>
        <legend className="mb-2 text-sm font-medium text-slate-700">Mail from someone who is not a member</legend>
        <div className="space-y-2">
          {choices.map((c) => (
            <div key={c.value} className="flex items-start gap-2">
              <input id={`unknown-senders-${c.value}`} type="radio" value={c.value} className="mt-0.5 h-4 w-4 border-slate-300" aria-describedby={`unknown-senders-${c.value}-hint`} {...form.register('unknownSenders')} />
              <div>
                <label htmlFor={`unknown-senders-${c.value}`} className="text-sm font-medium text-slate-700">{c.label}</label>
                <p id={`unknown-senders-${c.value}-hint`} className="text-xs text-slate-600">{c.hint}</p>
              </div>
            </div>
          ))}
        </div>
        {err('unknownSenders') && <p id="unknown-senders-error" role="alert" className="mt-1 text-sm text-rose-600">{err('unknownSenders')}</p>}
      </fieldset>
      <FormMessage state={state} success="Saved." />
      <div className="flex justify-end"><SubmitButton pending={pending} pendingText="Saving…">Save</SubmitButton></div>
    </form>
  )
}
