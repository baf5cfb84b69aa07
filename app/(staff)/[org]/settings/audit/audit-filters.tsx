import { getTranslations } from 'next-intl/server'
import { buttonClass } from '@/components/ui/button'
import { Input, Select } from '@/components/ui/field'
import { auditActionSuggestions, auditEntityTypes } from '@/lib/audit/format'

type Query = { entity?: string; action?: string; actor?: string; from?: string; to?: string }

/** A plain GET form: the filter state lives in the URL, so a filtered log can be bookmarked and shared. */
export async function AuditFilters({ org, query, people, tz, errors }: {
  org: string; query: Query; people: { userId: string; name: string }[]
  /** The viewer's zone: From and To are whole days there. */
  tz: string
  errors?: Record<string, string[]> | null
}) {
  const t = await getTranslations('settings.auditFilters')
  const te = await getTranslations('settings.auditFormat.filterEntities')
  const toError = errors?.to?.[0]
  const label = 'block text-xs font-medium text-slate-600'
  const active = !!(query.entity || query.action || query.actor || query.from || query.to)
  return (
    <form method="get" role="search" aria-label={t('label')} className="grid gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-6">
      <div className="space-y-1">
        <label htmlFor="f-entity" className={label}>{t('entity')}</label>
        <Select id="f-entity" name="entity" defaultValue={query.entity ?? ''}>
          <option value="">{t('all')}</option>
          {auditEntityTypes.map((e) => <option key={e} value={e}>{te(e)}</option>)}
        </Select>
      </div>
      <div className="space-y-1">
        <label htmlFor="f-action" className={label}>{t('action')}</label>
        <Input id="f-action" name="action" list="audit-actions" placeholder={t('actionPlaceholder')} defaultValue={query.action ?? ''} />
        <datalist id="audit-actions">{auditActionSuggestions.map((a) => <option key={a} value={a} />)}</datalist>
      </div>
      <div className="space-y-1">
        <label htmlFor="f-actor" className={label}>{t('actor')}</label>
        <Select id="f-actor" name="actor" defaultValue={query.actor ?? ''}>
          <option value="">{t('anyone')}</option>
          {people.map((p) => <option key={p.userId} value={p.userId}>{p.name}</option>)}
        </Select>
      </div>
      <div className="space-y-1">
        <label htmlFor="f-from" className={label}>{t('from')} <span className="font-normal">({tz})</span></label>
        <Input id="f-from" name="from" type="date" defaultValue={query.from ?? ''} />
      </div>
      <div className="space-y-1">
        <label htmlFor="f-to" className={label}>{t('to')} <span className="font-normal">({tz})</span></label>
        <Input id="f-to" name="to" type="date" defaultValue={query.to ?? ''} invalid={!!toError} describedBy="f-to-error" />
        {toError && <p id="f-to-error" role="alert" className="text-xs text-rose-600">{toError}</p>}
      </div>
      <div className="flex items-end gap-2">
        <button type="submit" className={buttonClass('primary', 'flex-1')}>{t('filter')}</button>
        {active && <a href={`/${org}/settings/audit`} className={buttonClass('ghost')}>{t('clear')}</a>}
      </div>
    </form>
  )
}
