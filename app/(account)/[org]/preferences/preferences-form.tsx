'use client'
import { useServerAction, type ServerAction } from '@/components/forms/use-server-action'
import { FormMessage } from '@/components/ui/form-message'
import { SubmitButton } from '@/components/ui/submit-button'

export type PreferenceRow = { event: string; label: string; email: boolean; inApp: boolean }

const channels = [
  { name: 'email', label: 'Email' },
  { name: 'inApp', label: 'In-app' },
] as const

/**
 * A plain form: each box carries its event as its value, so an unchecked box is simply
 * absent and the server reads it as "off". Nothing to validate in the browser; the
 * server checks the events against the domain's schema.
 */
export function PreferencesForm({ org, rows, action }: {
  org: string; rows: PreferenceRow[]; action: ServerAction
}) {
  const { state, pending, onSubmit } = useServerAction(action)
  return (
    <form onSubmit={onSubmit} aria-label="Notification preferences" className="space-y-4">
      <input type="hidden" name="org" value={org} />
      <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
            <tr>
              <th scope="col" className="px-4 py-3">When</th>
              {channels.map((c) => <th key={c.name} scope="col" className="w-28 px-4 py-3 text-center">{c.label}</th>)}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => (
              <tr key={r.event}>
                <th scope="row" className="px-4 py-3 text-left font-normal text-slate-800">
                  <input type="hidden" name="event" value={r.event} />
                  {r.label}
                </th>
                {channels.map((c) => (
                  <td key={c.name} className="px-4 py-3 text-center">
                    <input type="checkbox" name={c.name} value={r.event} defaultChecked={r[c.name]} aria-label={`${r.label}: ${c.label}`}
                      className="h-4 w-4 rounded border-slate-300 accent-indigo-600" />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <FormMessage state={state} success="Preferences saved." />
      <div className="flex justify-end">
        <SubmitButton pending={pending} pendingText="Saving…">Save preferences</SubmitButton>
      </div>
    </form>
  )
}
