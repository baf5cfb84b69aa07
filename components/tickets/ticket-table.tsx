'use client'
import Link from 'next/link'
import type { ColumnDef } from '@tanstack/react-table'
import { DataTable } from '@/components/data-table/data-table'
import { Badge } from '@/components/ui/badge'
import { SlaBadge } from '@/components/sla/sla-badge'
import type { SlaStatus } from '@/lib/sla/status'
import { PriorityBadge, SensitiveBadge, StatusBadge } from './badges'
import { SearchSnippet } from './search-snippet'
import { TagLink } from './tag-link'
import type { TicketPriority, TicketStatus } from '@/lib/tickets/workflow'

export type TicketTableRow = {
  number: number
  title: string
  status: TicketStatus
  priority: TicketPriority
  sensitive: boolean
  deleted: boolean
  tags: string[]
  category: string | null
  requester: string
  assignee: string | null
  team: string | null
  /** Assigned, not yet accepted or started (§6). */
  awaitingAcceptance: boolean
  updated: string
  updatedFull: string
  created: string
  sla: SlaStatus | null
  /** "due in 2 h" / "overdue by 3 h" for the next live deadline, with its time as a tooltip. */
  due: string | null
  dueFull: string | null
  overdue: boolean
  escalated: boolean
  /** Where a text search matched (title, description, reply, note), highlighted. */
  snippet?: { where: 'title' | 'description' | 'reply' | 'note'; text: string } | null
}

export function TicketTable({ org, rows, sort, dir }: { org: string; rows: TicketTableRow[]; sort: string; dir: 'asc' | 'desc' }) {
  // Columns with an accessor are sortable (server-side, by the same key); the rest are not.
  // Cells carry their layout in the column's meta instead of a wrapper element: at 25 rows
  // a wrapper per cell was 100 elements of the page's ~950 (React renders each twice).
  const columns: ColumnDef<TicketTableRow, unknown>[] = [
    { accessorKey: 'number', header: '#', meta: { className: 'tabular-nums text-slate-500' }, cell: ({ row }) => `#${row.original.number}` },
    {
      accessorKey: 'title', header: 'Title', meta: { className: 'min-w-64' },
      cell: ({ row: { original: t } }) => (
        <>
          {/* No prefetch: 25 row links in view would each fetch ahead from the server. */}
          <Link href={`/${org}/tickets/${t.number}`} prefetch={false} className="mr-2 font-medium text-slate-900 hover:text-indigo-700 hover:underline">{t.title}</Link>
          {t.sensitive && <SensitiveBadge />}
          {t.deleted && <Badge tone="slate">Deleted</Badge>}
          {t.tags.length > 0 && (
            <span className="mt-1 flex flex-wrap gap-1">{t.tags.map((tag) => <TagLink key={tag} org={org} tag={tag} />)}</span>
          )}
          {t.snippet && <SearchSnippet where={t.snippet.where} text={t.snippet.text} />}
        </>
      ),
    },
    { accessorKey: 'status', header: 'Status', cell: ({ row }) => <StatusBadge status={row.original.status} /> },
    {
      // Sorted by the next live deadline (server key `due`).
      id: 'due', accessorKey: 'due', header: 'SLA', meta: { className: 'min-w-32' },
      cell: ({ row: { original: t } }) => t.sla ? (
        <>
          <SlaBadge status={t.sla} />
          {t.due && <time title={t.dueFull ?? undefined} className={`mt-0.5 block whitespace-nowrap text-xs ${t.overdue ? 'font-medium text-rose-700' : 'text-slate-500'}`}>{t.due}</time>}
          {t.escalated && <span className="block text-xs text-rose-700">Escalated</span>}
        </>
      ) : <span className="text-slate-400">—</span>,
    },
    { accessorKey: 'priority', header: 'Priority', cell: ({ row }) => <PriorityBadge priority={row.original.priority} /> },
    { id: 'category', header: 'Category', enableSorting: false, cell: ({ row }) => row.original.category ?? <span className="text-slate-400">—</span> },
    { id: 'requester', header: 'Requester', enableSorting: false, cell: ({ row }) => row.original.requester },
    {
      id: 'assignee', header: 'Assignee', enableSorting: false, meta: { className: 'min-w-28' },
      cell: ({ row: { original: t } }) => (
        <>
          {t.assignee ?? <span className="text-slate-400">Unassigned</span>}
          {t.awaitingAcceptance && <span className="block text-xs text-amber-700">Not accepted yet</span>}
          {t.team && <span className="block text-xs text-slate-500">{t.team}</span>}
        </>
      ),
    },
    { accessorKey: 'updated', header: 'Updated', cell: ({ row }) => <time title={row.original.updatedFull} className="whitespace-nowrap text-slate-600">{row.original.updated}</time> },
  ]
  return <DataTable columns={columns} data={rows} sort={sort} dir={dir} caption="Tickets" rowKey={(r) => String(r.number)} />
}
