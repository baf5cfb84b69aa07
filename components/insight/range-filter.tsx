import Link from 'next/link'
import { useTranslations } from 'next-intl'
import { buttonClass } from '@/components/ui/button'
import { inputClass } from '@/components/ui/field'

/**
 * The date range and team filter: a plain GET form, so the state is in the URL (shareable,
 * back button works) and it works before any script loads. Dates are the viewer's days.
 */
export function RangeFilter({ from, to, teamId, teams, extra, resetHref }: {
  from: string; to: string; teamId: string | null; teams: { id: string; name: string }[]; extra?: Record<string, string>; resetHref: string
}) {
  // A server component (no hooks of its own); next-intl's useTranslations works here too.
  const t = useTranslations('insight.rangeFilter')
  const tCommon = useTranslations('common')
  return (
    <form method="get" role="search" aria-label={t('label')} className="mb-6 flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      {Object.entries(extra ?? {}).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
      <div className="space-y-1">
        <label htmlFor="range-from" className="block text-sm font-medium text-slate-700">{t('from')}</label>
        <input id="range-from" name="from" type="date" defaultValue={from} required className={inputClass} />
      </div>
      <div className="space-y-1">
        <label htmlFor="range-to" className="block text-sm font-medium text-slate-700">{t('to')}</label>
        <input id="range-to" name="to" type="date" defaultValue={to} required className={inputClass} />
      </div>
      <div className="space-y-1">
        <label htmlFor="range-team" className="block text-sm font-medium text-slate-700">{t('team')}</label>
        <select id="range-team" name="team" defaultValue={teamId ?? ''} className={inputClass}>
          <option value="">{t('allTeams')}</option>
          {teams.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
        </select>
      </div>
      <button type="submit" className={buttonClass('primary')}>{tCommon('actions.apply')}</button>
      <Link href={resetHref} className={buttonClass('ghost')}>{t('last30Days')}</Link>
    </form>
  )
}
