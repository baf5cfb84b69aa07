'use client'
import { usePathname } from 'next/navigation'
import { useRef, useState } from 'react'
import { AssigneePicker } from '@/components/tickets/assignee-picker'
import { buttonClass } from '@/components/ui/button'
import { inputClass } from '@/components/ui/field'
import { slaStatusLabels } from '@/components/sla/sla-badge'
import { slaStatuses } from '@/lib/sla/status'
import { statusLabels, openStatuses, type TicketStatus } from '@/lib/tickets/workflow'

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
    <form ref={formRef} method="get" role="search" aria-label="Filter tickets" onSubmit={(e) => { e.preventDefault(); apply() }}
      className="mb-4 flex flex-wrap items-end gap-3 rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200">
      <input type="hidden" name="sort" value={values.sort} />
      <input type="hidden" name="dir" value={values.dir} />
      {/* The queue (side list) stays while the filters narrow it. */}
      <input type="hidden" name="queue" value={values.queue} />
      <div className="min-w-56 flex-1">
        <label htmlFor="f-q" className={labelClass}>Search</label>
        <div className="flex items-start gap-2">
          <input id="f-q" name="q" type="search" defaultValue={values.q} placeholder="Words, #number, status:open tag:vpn …"
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
      <FilterSelect name="status" label="Status" value={values.status} onChange={() => apply()} options={[
        ['', 'Any status'], [openStatuses.join(','), 'Open (not resolved)'],
        ...(Object.keys(statusLabels) as TicketStatus[]).map((st): Opt => [st, statusLabels[st]]),
      ]} />
      <FilterSelect name="priority" label="Priority" value={values.priority} onChange={() => apply()} options={[
        ['', 'Any priority'], ['urgent,high', 'Urgent or high'],
        ...['urgent', 'high', 'normal', 'low'].map((p): Opt => [p, p[0].toUpperCase() + p.slice(1)]),
      ]} />
      <FilterSelect name="sla" label="SLA" value={values.sla} onChange={() => apply()} options={[
        ['', 'Any SLA'], ['at_risk,breached_response,breached_resolution', 'Breaching soon or breached'],
        ['breached_response,breached_resolution', 'Breached'],
        ...slaStatuses.map((st): Opt => [st, slaStatusLabels[st]]),
      ]} />
      <FilterSelect name="category" label="Category" value={values.category} onChange={() => apply()}
        options={[['', 'Any category'], ...categories.map((c): Opt => [c.id, c.name])]} />
      <div className="w-48">
        <label htmlFor="f-assignee" className={labelClass}>Assignee</label>
        <AssigneePicker org={org} id="f-assignee" name="assignee" value={{ id: values.assignee, label: assigneeLabel }} className="[&_input]:py-1.5"
          fixed={[{ id: '', label: 'Anyone' }, { id: 'me', label: 'Me' }, { id: 'none', label: 'Unassigned' }]}
          onChange={(o) => apply({ assignee: o.id })} />
      </div>
      {teams.length > 0 && (
        <FilterSelect name="team" label="Team" value={values.team} onChange={() => apply()}
          options={[['', 'Any team'], ['none', 'No team'], ...teams.map((t): Opt => [t.id, t.name])]} />
      )}
      {showDeletedToggle && (
        <label className="flex items-center gap-2 pb-2 text-sm text-slate-700">
          <input type="checkbox" name="deleted" value="1" defaultChecked={values.deleted} onChange={() => apply()} className="h-4 w-4 rounded border-slate-300" />
          Deleted only
        </label>
      )}
      <button type="submit" className={buttonClass('secondary', 'py-1.5')} disabled={pending}>{pending ? 'Filtering…' : 'Apply'}</button>
      <a href={pathname} className="pb-2 text-sm text-slate-600 hover:text-slate-800">Clear</a>
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
  const rows: [string, string][] = [
    ['monitor flickers', 'all the words, in the title, description or conversation'],
    ['"exact phrase"', 'the words together, in this order'],
    ['-printer', 'without this word'],
    ['#1234', 'a ticket number'],
    ['status:open,pending', 'any of these statuses; also priority:, sla:breached, is:sensitive, is:unassigned, is:open'],
    ['assignee:me  assignee:none', 'mine, unassigned, or an agent\'s email'],
    ['team:"Field Engineering"', 'by team name (none for no team); category:Billing, tag:vpn'],
    ['requester:ann@x.org', 'by the requester\'s email or name'],
    ['created>2026-01-01  updated<7d', 'dates (your time zone) or ages in h, d, w'],
  ]
  return (
    <details className="relative">
      <summary className="cursor-pointer list-none rounded-md px-2 py-1.5 text-sm text-slate-600 ring-1 ring-slate-300 hover:text-slate-800" aria-label="Search help">?</summary>
      <div className="absolute right-0 z-20 mt-1 w-[28rem] rounded-lg bg-white p-3 text-xs shadow-lg ring-1 ring-slate-200">
        <p className="mb-2 font-medium text-slate-800">Search</p>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
          {rows.map(([syntax, meaning]) => (
            <div key={syntax} className="contents"><dt><code className="font-mono text-slate-800">{syntax}</code></dt><dd className="text-slate-600">{meaning}</dd></div>
          ))}
        </dl>
      </div>
    </details>
  )
}
