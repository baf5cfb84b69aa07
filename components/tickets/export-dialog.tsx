'use client'
import { useRef, useState } from 'react'
import { Button, buttonClass } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { defaultExportColumns, exportColumns, type ExportColumn } from '@/lib/tickets/export-columns'

/**
 * "Export CSV" for the list as filtered now: choose the columns, download. The file is
 * written as it downloads (no size known up front), so the browser's download shows it
 * arriving; a big export takes a little while to finish.
 */
export function ExportDialog({ org, query, count }: { org: string; query: Record<string, string>; count: string }) {
  const ref = useRef<HTMLDialogElement>(null)
  const [chosen, setChosen] = useState<ReadonlySet<ExportColumn>>(new Set(defaultExportColumns))
  const toggle = (key: ExportColumn) => setChosen((s) => {
    const next = new Set(s)
    if (next.has(key)) next.delete(key)
    else next.add(key)
    return next
  })
  const columns = exportColumns.map((c) => c.key).filter((k) => chosen.has(k))
  const href = `/${org}/tickets/export?${new URLSearchParams({ ...query, columns: columns.join(',') })}`
  return (
    <>
      <Button variant="secondary" onClick={() => ref.current?.showModal()}>Export CSV</Button>
      <Dialog ref={ref} title="Export tickets as CSV"
        description={<>The {count} {count === '1' ? 'ticket' : 'tickets'} matching the current filters and search, oldest first, with times in your time zone.</>}>
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">Columns</legend>
          <div className="mt-2 grid grid-cols-2 gap-x-4 gap-y-1.5">
            {exportColumns.map((c) => (
              <label key={c.key} className="flex items-center gap-2 text-sm text-slate-800">
                <input type="checkbox" checked={chosen.has(c.key)} onChange={() => toggle(c.key)} className="h-4 w-4 rounded border-slate-300 text-indigo-600 focus:ring-indigo-600" />
                {c.label}
              </label>
            ))}
          </div>
          <div className="mt-2 flex gap-3 text-xs">
            <button type="button" className="text-indigo-700 hover:underline" onClick={() => setChosen(new Set(exportColumns.map((c) => c.key)))}>All</button>
            <button type="button" className="text-indigo-700 hover:underline" onClick={() => setChosen(new Set(defaultExportColumns))}>Defaults</button>
          </div>
        </fieldset>
        <p className="text-xs text-slate-600">Large exports are written while they download: your browser shows the progress, and the file is complete when the download finishes.</p>
        {columns.length === 0 && <p role="alert" className="text-sm text-rose-600">Choose at least one column.</p>}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => ref.current?.close()}>Cancel</Button>
          {columns.length > 0
            ? <a href={href} download className={buttonClass('primary')} onClick={() => ref.current?.close()}>Download CSV</a>
            : <Button disabled>Download CSV</Button>}
        </div>
      </Dialog>
    </>
  )
}
