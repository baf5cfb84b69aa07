'use client'
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type SortingState } from '@tanstack/react-table'
import { usePathname, useSearchParams } from 'next/navigation'
import { useState } from 'react'

/** Per column: classes for its cells, so a cell needs no wrapper element of its own. */
export type ColumnMeta = { className?: string }

/**
 * A server-driven @tanstack/react-table: rows arrive already filtered, sorted and
 * paginated; sorting writes `sort`/`dir` to the URL (dropping the cursor) so every
 * view is shareable and the server stays the only source of rows.
 */
export function DataTable<T>({ columns, data, sort, dir, caption, rowKey }: {
  columns: ColumnDef<T, unknown>[]
  data: T[]
  sort: string
  dir: 'asc' | 'desc'
  caption: string
  rowKey: (row: T) => string
}) {
  const pathname = usePathname()
  const params = useSearchParams()
  const [pending, setPending] = useState(false)
  const sorting: SortingState = [{ id: sort, desc: dir === 'desc' }]
  const table = useReactTable({
    data, columns, getCoreRowModel: getCoreRowModel(), getRowId: rowKey,
    manualSorting: true, manualPagination: true, manualFiltering: true, enableSortingRemoval: false,
    state: { sorting },
    onSortingChange: (updater) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater
      const q = new URLSearchParams(params.toString())
      q.delete('after'); q.delete('before')
      if (next[0]) { q.set('sort', next[0].id); q.set('dir', next[0].desc ? 'desc' : 'asc') }
      // A full page load, as the list's filters do: a same-route router.push intermittently
      // never committed under load (vercel/next.js#83386), leaving the click without effect.
      setPending(true)
      window.location.assign(`${pathname}?${q}`)
    },
  })
  return (
    // Focusable and named: on a phone the table scrolls sideways, and keyboard users must be able to scroll it too.
    <div tabIndex={0} role="region" aria-label={caption} className={`overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200 transition-opacity ${pending ? 'opacity-60' : ''}`} aria-busy={pending}>
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50">
          {table.getHeaderGroups().map((hg) => (
            <tr key={hg.id}>
              {hg.headers.map((h) => {
                const sorted = h.column.getIsSorted()
                return (
                  <th key={h.id} scope="col" aria-sort={sorted ? (sorted === 'asc' ? 'ascending' : 'descending') : undefined}
                    className="whitespace-nowrap px-3 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
                    {h.column.getCanSort() ? (
                      <button type="button" onClick={h.column.getToggleSortingHandler()} className="inline-flex items-center gap-1 rounded hover:text-slate-900 focus-visible:outline focus-visible:outline-2 focus-visible:outline-indigo-600">
                        {flexRender(h.column.columnDef.header, h.getContext())}
                        <span aria-hidden className="text-slate-600">{sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}</span>
                      </button>
                    ) : flexRender(h.column.columnDef.header, h.getContext())}
                  </th>
                )
              })}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-slate-100">
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} className="hover:bg-slate-50">
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id} className={`px-3 py-2.5 align-top ${(cell.column.columnDef.meta as ColumnMeta | undefined)?.className ?? ''}`}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
