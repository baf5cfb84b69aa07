'use client'
import { useRef, useState } from 'react'
import { useTranslations } from 'next-intl'
import { Button, buttonClass } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { defaultExportColumns, exportColumns, type ExportColumn } from '@/lib/tickets/export-columns'

/**
 * "Export CSV" for the list as filtered now: choose the columns, download. The file is
 * written as it downloads (no size known up front), so the browser's download shows it
 * arriving; a big export takes a little while to finish.
 */
export function ExportDialog({ org, query, count }: { org: string; query: Record<string, string>; count: string }) {
  const t = useTranslations('tickets.exportDialog')
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
      <Button variant="secondary" onClick={() => ref.current?.showModal()}>{t('open')}</Button>
      <Dialog ref={ref} title={t('title')}
        description={t('description', { count, one: count === '1' ? 'one' : 'other' })}>
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">{t('columns')}</legend>
          <div className="mt-2 grid grid-cols-2 gap-x-4 gap-y-1.5">
            {exportColumns.map((c) => (
              <label key={c.key} className="flex items-center gap-2 text-sm text-slate-800">
                <input type="checkbox" checked={chosen.has(c.key)} onChange={() => toggle(c.key)} className="h-4 w-4 rounded border-slate-300 text-indigo-600 focus:ring-indigo-600" />
                {t(`column.${c.key}`)}
              </label>
            ))}
          </div>
          <div className="mt-2 flex gap-3 text-xs">
            <button type="button" className="text-indigo-700 hover:underline" onClick={() => setChosen(new Set(exportColumns.map((c) => c.key)))}>{t('all')}</button>
            <button type="button" className="text-indigo-700 hover:underline" onClick={() => setChosen(new Set(defaultExportColumns))}>{t('defaults')}</button>
          </div>
        </fieldset>
        <p className="text-xs text-slate-600">{t('large')}</p>
        {columns.length === 0 && <p role="alert" className="text-sm text-rose-600">{t('chooseOne')}</p>}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => ref.current?.close()}>{t('cancel')}</Button>
          {columns.length > 0
            ? <a href={href} download className={buttonClass('primary')} onClick={() => ref.current?.close()}>{t('download')}</a>
            : <Button disabled>{t('download')}</Button>}
        </div>
      </Dialog>
    </>
  )
}
