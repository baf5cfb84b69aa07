'use client'
import { usePathname, useRouter } from 'next/navigation'
import { useRef, useTransition } from 'react'
import { buttonClass } from '@/components/ui/button'
import { inputClass } from '@/components/ui/field'
import { statusLabels, openStatuses, type TicketStatus } from '@/lib/tickets/workflow'

type Option = { id: string; name: string }
export type FilterValues = { status: string; priority: string; category: string; assignee: string; q: string; deleted: boolean; sort: string; dir: string }

/**
 * Filters are a plain GET form, so the state lives in the URL (shareable, back button
 * works, no JS needed); with JS, a change applies at once and drops the page cursor.
 */
export function TicketFilters({ values, categories, agents, showDeletedToggle }: {
  values: FilterValues; categories: Option[]; agents: Option[]; showDeletedToggle: boolean
}) {
  const router = useRouter()
  const pathname = usePathname()
  const formRef = useRef<HTMLFormElement>(null)
  const [pending, startTransition] = useTransition()
  const apply = () => {
    const data = new FormData(formRef.current!)
    const q = new URLSearchParams()
    for (const [k, v] of data) if (typeof v === 'string' && v !== '') q.set(k, v)
    startTransition(() => router.push(q.size ? `${pathname}?${q}` : pathname))
  }
  const label = 'block text-xs font-medium text-slate-600'
  const select = `${inputClass} py-1.5`
  return (
    <form ref={formRef} method="get" role="search" aria-label="Filter tickets" onSubmit={(e) => { e.preventDefault(); apply() }}
      className="mb-4 flex flex-wrap items-end gap-3 rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200">
      <input type="hidden" name="sort" value={values.sort} />
      <input type="hidden" name="dir" value={values.dir} />
      <div className="min-w-56 flex-1">
        <label htmlFor="f-q" className={label}>Search</label>
        <input id="f-q" name="q" type="search" defaultValue={values.q} placeholder="Title or #number" className={`${inputClass} py-1.5`} />
      </div>
      <div>
        <label htmlFor="f-status" className={label}>Status</label>
        <select id="f-status" name="status" defaultValue={values.status} onChange={apply} className={select}>
          <option value="">Any status</option>
          <option value={openStatuses.join(',')}>Open (not resolved)</option>
          {(Object.keys(statusLabels) as TicketStatus[]).map((s) => <option key={s} value={s}>{statusLabels[s]}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="f-priority" className={label}>Priority</label>
        <select id="f-priority" name="priority" defaultValue={values.priority} onChange={apply} className={select}>
          <option value="">Any priority</option>
          <option value="urgent,high">Urgent or high</option>
          {['urgent', 'high', 'normal', 'low'].map((p) => <option key={p} value={p}>{p[0].toUpperCase() + p.slice(1)}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="f-category" className={label}>Category</label>
        <select id="f-category" name="category" defaultValue={values.category} onChange={apply} className={select}>
          <option value="">Any category</option>
          {categories.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="f-assignee" className={label}>Assignee</label>
        <select id="f-assignee" name="assignee" defaultValue={values.assignee} onChange={apply} className={select}>
          <option value="">Anyone</option>
          <option value="me">Me</option>
          <option value="none">Unassigned</option>
          {agents.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
        </select>
      </div>
      {showDeletedToggle && (
        <label className="flex items-center gap-2 pb-2 text-sm text-slate-700">
          <input type="checkbox" name="deleted" value="1" defaultChecked={values.deleted} onChange={apply} className="h-4 w-4 rounded border-slate-300" />
          Deleted only
        </label>
      )}
      <button type="submit" className={buttonClass('secondary', 'py-1.5')} disabled={pending}>{pending ? 'Filtering…' : 'Apply'}</button>
      <a href={pathname} className="pb-2 text-sm text-slate-500 hover:text-slate-800">Clear</a>
    </form>
  )
}
