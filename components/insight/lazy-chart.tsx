'use client'
import dynamic from 'next/dynamic'

/**
 * The chart, drawn in the browser only: it needs the container's width anyway, and rendering
 * seven recharts trees on the server cost the page ~half its server time (measured by the
 * benchmark). The figure's caption and table view stay server-rendered, so the numbers are
 * there before any script runs.
 */
export const LazyChart = dynamic(() => import('./chart').then((m) => m.Chart), {
  ssr: false,
  loading: () => <div className="h-40 animate-pulse rounded-md bg-slate-50" aria-hidden="true" />,
})
