'use client'
import { useTranslations } from 'next-intl'
import { useServerAction, type ServerAction } from '@/components/forms/use-server-action'
import { FormMessage } from '@/components/ui/form-message'
import { SubmitButton } from '@/components/ui/submit-button'
import { tableHead } from '@/components/ui/table'

export type PreferenceRow = { event: string; label: string; email: boolean; inApp: boolean }

// Each channel's column heading is the catalogue key of the same name (account.preferencesForm.email / inApp).
const channels = ['email', 'inApp'] as const

/**
 * A plain form: each box carries its event as its value, so an unchecked box is simply
 * absent and the server reads it as "off". Nothing to validate in the browser; the
 * server checks the events against the domain's schema.
 */
export function PreferencesForm({ org, rows, action }: {
  org: string; rows: PreferenceRow[]; action: ServerAction
}) {
  const { state, pending, onSubmit } = useServerAction(action)
  const t = useTranslations('account.preferencesForm')
  const tCommon = useTranslations('common')
  return (
    <form method="post" onSubmit={onSubmit} aria-label={t('label')} className="space-y-4">
      <input type="hidden" name="org" value={org} />
      <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <thead className={tableHead}>
            <tr>
              <th scope="col" className="px-4 py-3">{t('when')}</th>
              {channels.map((c) => <th key={c} scope="col" className="w-28 px-4 py-3 text-center">{t(c)}</th>)}
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
                  <td key={c} className="px-4 py-3 text-center">
                    <input type="checkbox" name={c} value={r.event} defaultChecked={r[c]} aria-label={t('boxLabel', { event: r.label, channel: t(c) })}
                      className="h-4 w-4 rounded border-slate-300 accent-indigo-600" />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <FormMessage state={state} success={t('saved')} />
      <div className="flex justify-end">
        <SubmitButton pending={pending} pendingText={tCommon('actions.saving')}>{t('save')}</SubmitButton>
      </div>
    </form>
  )
}
