'use client'
import { usePathname } from 'next/navigation'
import { useRef, useState } from 'react'
import { useTranslations } from 'next-intl'
import { AssigneePicker } from '@/components/tickets/assignee-picker'
import { buttonClass } from '@/components/ui/button'
import { inputClass } from '@/components/ui/field'
import { slaStatuses } from '@/lib/sla/status'
import { openStatuses, statusLabels, type TicketStatus } from '@/lib/tickets/workflow'

type Option = { id: string; name: string }
export type FilterValues = {
  status: string; priority: string; category: string; assignee: string; q: string; deleted: boolean; sort: string; dir: string; sla: string
  team: string; queue: string
}

/**
 * Filters are a plain GET form, so the state lives in the URL (shareable, back button
 * works, no JS needed); with JS, a change applies at once and drops the page cursor.
 */
export function TicketFilters({ org, values, assigneeLabel, categories, teams, showDeletedToggle, searchErrors = [] }: {
  org: string; values: FilterValues; assigneeLabel: string; categories: Option[]; teams: Option[]; showDeletedToggle: boolean
  /** Tokens of the search box the parser refused, each with its message (the rest was applied). */
  searchErrors?: { token: string; message: string }[]
}) {
  const t = useTranslations('tickets.ticketFilters')
  const ts = useTranslations('common')
  const tsla = useTranslations('tickets.slaBadge.status')
  const pathname = usePathname()
  const formRef = useRef<HTMLFormElement>(null)
  const [pending, setPending] = useState(false)
  const apply = (override: Record<string, string> = {}) => {
    const data = new FormData(formRef.current!)
    for (const [k, v] of Object.entries(override)) data.set(k, v)
    const q = new URLSearchParams()
    for (const [k, v] of data) if (typeof v === 'string' && v !== '') q.set(k, v)
    // A full page load, not router.push: same-route client navigations intermittently never
    // commit in production builds (vercel/next.js#83386; seen here with the search box under
    // load, the form stuck on "Filtering…"). The page is rendered on the server either way.
    setPending(true)
    window.location.assign(q.size ? `${pathname}?${q}` : pathname)
  }
  return (
    <form ref={formRef} method="get" role="search" aria-label={t('label')} onSubmit={(e) => { e.preventDefault(); apply() }}
      className="mb-4 flex flex-wrap items-end gap-3 rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200">
      <input type="hidden" name="sort" value={values.sort} />
      <input type="hidden" name="dir" value={values.dir} />
      {/* The queue (side list) stays while the filters narrow it. */}
      <input type="hidden" name="queue" value={values.queue} />
      <div className="min-w-56 flex-1">
        <label htmlFor="f-q" className={labelClass}>{t('search')}</label>
        <div className="flex items-start gap-2">
          <input id="f-q" name="q" type="search" defaultValue={values.q} placeholder={t('searchPlaceholder')}
            aria-invalid={searchErrors.length > 0 || undefined} aria-describedby={searchErrors.length ? 'f-q-error' : undefined}
            className={`${inputClass} py-1.5`} />
          <SearchHelp />
        </div>
        {searchErrors.length > 0 && (
          <ul id="f-q-error" role="alert" className="mt-1 space-y-0.5 text-xs text-rose-700">
            {searchErrors.map((e) => <li key={e.token}><code className="font-mono">{e.token}</code>: {e.message}</li>)}
          </ul>
        )}
      </div>
      <FilterSelect name="status" label={t('status')} value={values.status} onChange={() => apply()} options={[
        ['', t('anyStatus')], [openStatuses.join(','), t('openNotResolved')],
        ...(Object.keys(statusLabels) as TicketStatus[]).map((st): Opt => [st, ts(`status.${st}`)]),
      ]} />
      <FilterSelect name="priority" label={t('priority')} value={values.priority} onChange={() => apply()} options={[
        ['', t('anyPriority')], ['urgent,high', t('urgentOrHigh')],
        ...['urgent', 'high', 'normal', 'low'].map((p): Opt => [p, ts(`priority.${p}`)]),
      ]} />
      <FilterSelect name="sla" label={t('sla')} value={values.sla} onChange={() => apply()} options={[
        ['', t('anySla')], ['at_risk,breached_response,breached_resolution', t('breachingOrBreached')],
        ['breached_response,breached_resolution', t('breached')],
        ...slaStatuses.map((st): Opt => [st, tsla(st)]),
      ]} />
      <FilterSelect name="category" label={t('category')} value={values.category} onChange={() => apply()}
        options={[['', t('anyCategory')], ...categories.map((c): Opt => [c.id, c.name])]} />
      <div className="w-48">
        <label htmlFor="f-assignee" className={labelClass}>{t('assignee')}</label>
        <AssigneePicker org={org} id="f-assignee" name="assignee" value={{ id: values.assignee, label: assigneeLabel }} className="[&_input]:py-1.5"
          fixed={[{ id: '', label: t('anyone') }, { id: 'me', label: t('me') }, { id: 'none', label: t('unassigned') }]}
          onChange={(o) => apply({ assignee: o.id })} />
      </div>
      {teams.length > 0 && (
        <FilterSelect name="team" label={t('team')} value={values.team} onChange={() => apply()}
          options={[['', t('anyTeam')], ['none', t('noTeam')], ...teams.map((team): Opt => [team.id, team.name])]} />
      )}
      {showDeletedToggle && (
        <label className="flex items-center gap-2 pb-2 text-sm text-slate-700">
          <input type="checkbox" name="deleted" value="1" defaultChecked={values.deleted} onChange={() => apply()} className="h-4 w-4 rounded border-slate-300" />
          {t('deletedOnly')}
        </label>
      )}
      <button type="submit" className={buttonClass('secondary', 'py-1.5')} disabled={pending}>{pending ? t('filtering') : t('apply')}</button>
      <a href={pathname} className="pb-2 text-sm text-slate-600 hover:text-slate-800">{t('clear')}</a>
    </form>
  )
}

type Opt = [value: string, label: string]
const labelClass = 'block text-xs font-medium text-slate-600'

function FilterSelect({ name, label, value, options, onChange }: { name: string; label: string; value: string; options: Opt[]; onChange: () => void }) {
  return (
    <div>
      <label htmlFor={`f-${name}`} className={labelClass}>{label}</label>
      <select id={`f-${name}`} name={name} defaultValue={value} onChange={onChange} className={`${inputClass} py-1.5`}>
        {options.map(([v, l]) => <option key={v || 'any'} value={v}>{l}</option>)}
      </select>
    </div>
  )
}

/** The search language at a glance; a <details> so it opens from the keyboard and needs no script. */
function SearchHelp() {
  const t = useTranslations('tickets.ticketFilters.help')
  // The syntax is the search language itself (English keywords in every locale); only the meanings are translated.
  const rows: [string, string][] = [
    ['monitor flickers', t('words')],
    ['"exact phrase"', t('phrase')],
    ['-printer', t('without')],
    ['#1234', t('number')],
    ['status:open,pending', t('statuses')],
    ['assignee:me  assignee:none', t('assignee')],
    ['team:"Field Engineering"', t('team')],
    ['requester:ann@x.org', t('requester')],
    ['created>2026-01-01  updated<7d', t('dates')],
  ]
  return (
    <details className="relative">
      <summary className="cursor-pointer list-none rounded-md px-2 py-1.5 text-sm text-slate-600 ring-1 ring-slate-300 hover:text-slate-800" aria-label={t('label')}>{'?'}</summary>
      <div className="absolute right-0 z-20 mt-1 w-[28rem] rounded-lg bg-white p-3 text-xs shadow-lg ring-1 ring-slate-200">
        <p className="mb-2 font-medium text-slate-800">{t('title')}</p>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
          {rows.map(([syntax, meaning]) => (
            <div key={syntax} className="contents"><dt><code className="font-mono text-slate-800">{syntax}</code></dt><dd className="text-slate-600">{meaning}</dd></div>
          ))}
        </dl>
      </div>
    </details>
  )
}
