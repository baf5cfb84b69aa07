'use client'
import { usePathname, useRouter } from 'next/navigation'
import { useRef, useTransition } from 'react'
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
export function TicketFilters({ org, values, assigneeLabel, categories, teams, showDeletedToggle }: {
  org: string; values: FilterValues; assigneeLabel: string; categories: Option[]; teams: Option[]; showDeletedToggle: boolean
}) {
  const router = useRouter()
  const pathname = usePathname()
  const formRef = useRef<HTMLFormElement>(null)
  const [pending, startTransition] = useTransition()
  const apply = (override: Record<string, string> = {}) => {
    const data = new FormData(formRef.current!)
    for (const [k, v] of Object.entries(override)) data.set(k, v)
    const q = new URLSearchParams()
    for (const [k, v] of data) if (typeof v === 'string' && v !== '') q.set(k, v)
    startTransition(() => router.push(q.size ? `${pathname}?${q}` : pathname))
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
        <input id="f-q" name="q" type="search" defaultValue={values.q} placeholder="Title or #number" className={`${inputClass} py-1.5`} />
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
      <a href={pathname} className="pb-2 text-sm text-slate-500 hover:text-slate-800">Clear</a>
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
