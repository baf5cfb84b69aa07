'use client'
import { useEffect, useRef } from 'react'
import type { ColumnDef } from '@tanstack/react-table'
import type { BulkSelectionState } from './bulk-context'

function Checkbox({ label, checked, indeterminate = false, onChange }: { label: string; checked: boolean; indeterminate?: boolean; onChange: () => void }) {
  const ref = useRef<HTMLInputElement>(null)
  useEffect(() => { if (ref.current) ref.current.indeterminate = indeterminate }, [indeterminate])
  return (
    <input ref={ref} type="checkbox" aria-label={label} checked={checked} onChange={onChange}
      className="h-4 w-4 cursor-pointer rounded border-slate-300 text-indigo-600 focus:ring-indigo-600" />
  )
}

/** The leading checkbox column of the ticket list, for bulk actions. */
export function selectColumn<T extends { id: string; number: number }>(select: BulkSelectionState): ColumnDef<T, unknown> {
  return {
    id: 'select', enableSorting: false, meta: { className: 'w-8 pr-0' },
    header: () => <Checkbox label="Select all on this page" checked={select.page === 'all'} indeterminate={select.page === 'some'} onChange={select.togglePage} />,
    cell: ({ row: { original: t } }) => <Checkbox label={`Select ticket #${t.number}`} checked={select.isSelected(t.id)} onChange={() => select.toggle(t.id)} />,
  }
}
