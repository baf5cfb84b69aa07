'use client'
import { useEffect, useRef } from 'react'
import type { ColumnDef } from '@tanstack/react-table'
import { useTranslations } from 'next-intl'
import type { BulkSelectionState } from './bulk-context'

function Checkbox({ label, checked, indeterminate = false, onChange }: { label: string; checked: boolean; indeterminate?: boolean; onChange: () => void }) {
  const ref = useRef<HTMLInputElement>(null)
  useEffect(() => { if (ref.current) ref.current.indeterminate = indeterminate }, [indeterminate])
  return (
    <input ref={ref} type="checkbox" aria-label={label} checked={checked} onChange={onChange}
      className="h-4 w-4 cursor-pointer rounded border-slate-300 text-indigo-600 focus:ring-indigo-600" />
  )
}

function SelectAll({ select }: { select: BulkSelectionState }) {
  const t = useTranslations('tickets.selectColumn')
  return <Checkbox label={t('selectPage')} checked={select.page === 'all'} indeterminate={select.page === 'some'} onChange={select.togglePage} />
}

function SelectRow({ select, id, number }: { select: BulkSelectionState; id: string; number: number }) {
  const t = useTranslations('tickets.selectColumn')
  return <Checkbox label={t('selectTicket', { number })} checked={select.isSelected(id)} onChange={() => select.toggle(id)} />
}

/** The leading checkbox column of the ticket list, for bulk actions. */
export function selectColumn<T extends { id: string; number: number }>(select: BulkSelectionState): ColumnDef<T, unknown> {
  return {
    id: 'select', enableSorting: false, meta: { className: 'w-8 pr-0' },
    header: () => <SelectAll select={select} />,
    cell: ({ row: { original: t } }) => <SelectRow select={select} id={t.id} number={t.number} />,
  }
}
