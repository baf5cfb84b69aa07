'use client'
// The only client code of the dashboard: recharts draws what the server already computed.
import { useLocale } from 'next-intl'
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { formatLocale, type Locale } from '@/lib/i18n/config'

export type Series = { key: string; label: string; color: string }
export type ChartRow = Record<string, string | number>

/**
 * One chart: bars (vertical, or horizontal for long names) or lines. `title` and `summary`
 * become the SVG's <title>/<desc>; recharts' accessibility layer lets a keyboard user step
 * through the points. The table view beside it (ChartFigure) is the screen-reader version.
 */
export function Chart({ kind, rows, xKey, series, title, summary, horizontal = false, height = 240 }: {
  kind: 'bar' | 'line'; rows: ChartRow[]; xKey: string; series: Series[]; title: string; summary: string; horizontal?: boolean; height?: number
}) {
  const common = { data: rows, title, desc: summary, accessibilityLayer: true, margin: { top: 8, right: 16, bottom: 8, left: horizontal ? 24 : 0 } }
  const axisTick = { fontSize: 12, fill: 'var(--color-slate-600)' }
  // Counts on the value axis and in the tooltip as the viewer's language writes them ("1,200" / "1.200").
  // (Intl directly, as lib/format/time's formatNumber does, so the chart's chunk does not carry date-fns.)
  const numbers = new Intl.NumberFormat(formatLocale[useLocale() as Locale])
  const count = (v: unknown) => numbers.format(Number(v))
  const tooltip = <Tooltip formatter={(v) => count(v)} />
  return (
    <div style={{ height }} className="w-full">
      <ResponsiveContainer width="100%" height="100%">
        {kind === 'line' ? (
          <LineChart {...common}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--color-slate-200)" />
            <XAxis dataKey={xKey} tick={axisTick} minTickGap={16} />
            <YAxis allowDecimals={false} tick={axisTick} width={40} tickFormatter={count} />
            {tooltip}
            <Legend />
            {series.map((s) => <Line key={s.key} type="linear" dataKey={s.key} name={s.label} stroke={s.color} strokeWidth={2} dot={false} isAnimationActive={false} />)}
          </LineChart>
        ) : (
          <BarChart {...common} layout={horizontal ? 'vertical' : 'horizontal'}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--color-slate-200)" />
            {horizontal ? (
              <>
                <XAxis type="number" allowDecimals={false} tick={axisTick} tickFormatter={count} />
                <YAxis type="category" dataKey={xKey} tick={axisTick} width={120} />
              </>
            ) : (
              <>
                <XAxis dataKey={xKey} tick={axisTick} />
                <YAxis allowDecimals={false} tick={axisTick} width={40} tickFormatter={count} />
              </>
            )}
            {tooltip}
            {series.length > 1 && <Legend />}
            {series.map((s) => <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} isAnimationActive={false} />)}
          </BarChart>
        )}
      </ResponsiveContainer>
    </div>
  )
}
