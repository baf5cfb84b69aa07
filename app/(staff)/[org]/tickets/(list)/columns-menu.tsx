'use client'
import { useEffect, useRef, useState } from 'react'
import { useTranslations } from 'next-intl'
import { useServerAction } from '@/components/forms/use-server-action'
import { listColumnIds, type ListColumnId } from '@/lib/views/schemas'
import { saveListColumnsAction } from './view-actions'

/**
 * "Columns": a disclosure of labelled checkboxes (keyboard: Tab, Space, Esc closes). Each
 * change is saved for this person at once and the list re-renders on the server with it; a
 * change made while one is saving is sent when that one returns, so none is lost.
 */
export function ColumnsMenu({ org, columns }: { org: string; columns: readonly ListColumnId[] }) {
  const t = useTranslations('tickets.columnsMenu')
  const [chosen, setChosen] = useState<ListColumnId[]>([...columns])
  const saved = useRef<string>(columns.join(','))
  const { state, pending, run } = useServerAction(saveListColumnsAction)
  const details = useRef<HTMLDetailsElement>(null)
  useEffect(() => {
    const key = chosen.join(',')
    if (pending || key === saved.current) return
    const data = new FormData()
    data.set('org', org)
    for (const c of chosen) data.append('columns', c)
    saved.current = key
    void run(data)
  }, [chosen, pending, org, run])
  const toggle = (c: ListColumnId, on: boolean) => setChosen((cur) => listColumnIds.filter((x) => (x === c ? on : cur.includes(x))))
  return (
    <details ref={details} className="relative text-sm"
      onKeyDown={(e) => { if (e.key === 'Escape' && details.current?.open) { details.current.open = false; details.current.querySelector('summary')?.focus() } }}>
      <summary className="cursor-pointer list-none rounded-md bg-white px-3 py-1.5 text-slate-700 shadow-sm ring-1 ring-inset ring-slate-300 hover:bg-slate-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-indigo-600">
        {t('button')} <span aria-hidden className="text-slate-600">{'▾'}</span>
      </summary>
      <div className="absolute right-0 z-20 mt-1 w-56 rounded-lg bg-white p-3 shadow-lg ring-1 ring-slate-200">
        <fieldset>
          <legend className="mb-2 text-xs font-medium text-slate-600">{t('legend')}</legend>
          <ul className="space-y-1.5">
            {listColumnIds.map((c) => (
              <li key={c}>
                <label className="flex items-center gap-2 text-slate-700">
                  <input type="checkbox" name="columns" value={c} checked={chosen.includes(c)} onChange={(e) => toggle(c, e.target.checked)} className="h-4 w-4 rounded border-slate-300" />
                  {t(`column.${c}`)}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <p className="mt-2 text-xs text-slate-600">{t('hint')}</p>
        <p aria-live="polite" className={`mt-1 text-xs ${state.ok === false ? 'text-rose-700' : 'text-slate-600'}`}>
          {/* "Saved" only once the last change is in: a queued one still reads "Saving…". */}
          {pending || chosen.join(',') !== saved.current ? t('saving') : state.ok === false ? state.message : state.ok ? t('saved') : ''}
        </p>
      </div>
    </details>
  )
}
