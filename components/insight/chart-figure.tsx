import { useId } from 'react'
import { useLocale, useTranslations } from 'next-intl'
import { formatNumber } from '@/lib/format/time'
import type { Locale } from '@/lib/i18n/config'
import type { ChartRow, Series } from './chart'
import { LazyChart } from './lazy-chart'
import { tableHead } from '@/components/ui/table'

/**
 * A chart with its accessible name (the figure's caption), a one-line summary, and the same
 * numbers as a table under "Table view" — what a screen reader (or a person who wants the
 * exact figures) reads. An empty chart says so instead of drawing empty axes.
 */
export function ChartFigure({ title, summary, rows, xKey, xLabel, series, kind = 'bar', horizontal, height, empty }: {
  title: string; summary: string; rows: ChartRow[]; xKey: string; xLabel: string; series: Series[]
  kind?: 'bar' | 'line'; horizontal?: boolean; height?: number; empty?: string
}) {
  const id = useId()
  const t = useTranslations('insight.chartFigure')
  const locale = useLocale() as Locale
  const isEmpty = rows.length === 0 || rows.every((r) => series.every((s) => !r[s.key]))
  return (
    <figure aria-labelledby={`${id}-t`} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <figcaption>
        <h2 id={`${id}-t`} className="text-sm font-semibold text-slate-900">{title}</h2>
        <p className="mt-0.5 text-xs text-slate-600">{summary}</p>
      </figcaption>
      {isEmpty ? (
        <p className="mt-4 rounded-md border border-dashed border-slate-300 px-4 py-10 text-center text-sm text-slate-600">{empty ?? t('empty')}</p>
      ) : (
        <div className="mt-3">
          <LazyChart kind={kind} rows={rows} xKey={xKey} series={series} title={title} summary={summary} horizontal={horizontal} height={height} />
        </div>
      )}
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-xs font-medium text-indigo-700 hover:underline">{t('tableView')}<span className="sr-only">{t('tableViewOf', { title })}</span></summary>
        {/* It scrolls when long: focusable and named, so a keyboard can scroll it too. */}
        <div tabIndex={0} role="region" aria-label={`${t('tableView')}${t('tableViewOf', { title })}`} className="mt-2 max-h-72 overflow-auto">
          <table className="min-w-full text-left text-xs">
            <caption className="sr-only">{title}</caption>
            <thead className={tableHead}>
              <tr>
                <th scope="col" className="px-2 py-1 font-semibold">{xLabel}</th>
                {series.map((s) => <th key={s.key} scope="col" className="px-2 py-1 text-right font-semibold">{s.label}</th>)}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((r) => (
                <tr key={String(r[xKey])}>
                  <th scope="row" className="px-2 py-1 font-normal">{r[xKey]}</th>
                  {series.map((s) => <td key={s.key} className="px-2 py-1 text-right tabular-nums">{formatNumber(Number(r[s.key] ?? 0), locale)}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  )
}
