'use client'
import Link from 'next/link'
import { useTranslations } from 'next-intl'
import type { ColumnDef } from '@tanstack/react-table'
import { DataTable } from '@/components/data-table/data-table'
import { Badge } from '@/components/ui/badge'
import { SlaBadge } from '@/components/sla/sla-badge'
import type { SlaStatus } from '@/lib/sla/status'
import { PriorityBadge, SensitiveBadge, StatusBadge } from './badges'
import { SearchSnippet } from './search-snippet'
import { TagLink } from './tag-link'
import type { TicketPriority, TicketStatus } from '@/lib/tickets/workflow'
import { defaultSortDir, type SortKey } from '@/lib/tickets/schemas'
import { listColumnIds, type ListColumnId } from '@/lib/views/schemas'
import { useBulkSelection } from './bulk-context'
import { selectColumn } from './select-column'

export type TicketTableRow = {
  id: string
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

/** Sortable columns open on their sensible direction (most urgent first, newest first, A to Z). */
const firstDesc = (key: SortKey) => defaultSortDir(key) === 'desc'

export function TicketTable({ org, rows, sort, dir, columns: shown }: {
  org: string; rows: TicketTableRow[]; sort: string; dir: 'asc' | 'desc'
  /** The optional columns this person chose (lib/views); `#` and the title always show. */
  columns: readonly ListColumnId[]
}) {
  // Inside a <BulkSelection> the list gains a checkbox column (bulk actions, §11).
  const select = useBulkSelection()
  const tr = useTranslations('tickets.ticketTable')
  // Columns with an accessor are sortable (server-side, by the same key); the rest are not.
  // Cells carry their layout in the column's meta instead of a wrapper element: at 25 rows
  // a wrapper per cell was 100 elements of the page's ~950 (React renders each twice).
  const none = (text = '—') => <span className="text-slate-600">{text}</span>
  const optional: Record<ListColumnId, ColumnDef<TicketTableRow, unknown>> = {
    status: { accessorKey: 'status', header: tr('status'), sortDescFirst: firstDesc('status'), cell: ({ row }) => <StatusBadge status={row.original.status} /> },
    due: {
      // Sorted by the next live deadline (server key `due`).
      id: 'due', accessorKey: 'due', header: tr('sla'), sortDescFirst: firstDesc('due'), meta: { className: 'min-w-32' },
      cell: ({ row: { original: t } }) => t.sla ? (
        <>
          <SlaBadge status={t.sla} />
          {t.due && <time title={t.dueFull ?? undefined} className={`mt-0.5 block whitespace-nowrap text-xs ${t.overdue ? 'font-medium text-rose-700' : 'text-slate-600'}`}>{t.due}</time>}
          {t.escalated && <span className="block text-xs text-rose-700">{tr('escalated')}</span>}
        </>
      ) : none(),
    },
    priority: { accessorKey: 'priority', header: tr('priority'), sortDescFirst: firstDesc('priority'), cell: ({ row }) => <PriorityBadge priority={row.original.priority} /> },
    category: { accessorKey: 'category', header: tr('category'), sortDescFirst: firstDesc('category'), cell: ({ row }) => row.original.category ?? none() },
    requester: { accessorKey: 'requester', header: tr('requester'), sortDescFirst: firstDesc('requester'), cell: ({ row }) => row.original.requester },
    assignee: {
      accessorKey: 'assignee', header: tr('assignee'), sortDescFirst: firstDesc('assignee'), meta: { className: 'min-w-28' },
      cell: ({ row: { original: t } }) => (
        <>
          {t.assignee ?? none(tr('unassigned'))}
          {t.awaitingAcceptance && <span className="block text-xs text-amber-700">{tr('notAccepted')}</span>}
          {/* Without a Team column the team still shows, under the assignee. */}
          {t.team && !shown.includes('team') && <span className="block text-xs text-slate-600">{t.team}</span>}
        </>
      ),
    },
    team: { accessorKey: 'team', header: tr('team'), sortDescFirst: firstDesc('team'), cell: ({ row }) => row.original.team ?? none(tr('noTeam')) },
    updated: { accessorKey: 'updated', header: tr('updated'), sortDescFirst: firstDesc('updated'), cell: ({ row }) => <time title={row.original.updatedFull} className="whitespace-nowrap text-slate-600">{row.original.updated}</time> },
    created: { accessorKey: 'created', header: tr('created'), sortDescFirst: firstDesc('created'), cell: ({ row }) => <time className="whitespace-nowrap text-slate-600">{row.original.created}</time> },
  }
  const columns: ColumnDef<TicketTableRow, unknown>[] = [
    ...(select ? [selectColumn<TicketTableRow>(select)] : []),
    { accessorKey: 'number', header: '#', sortDescFirst: firstDesc('number'), meta: { className: 'tabular-nums text-slate-600' }, cell: ({ row }) => `#${row.original.number}` },
    {
      accessorKey: 'title', header: tr('title'), sortDescFirst: firstDesc('title'), meta: { className: 'min-w-64' },
      cell: ({ row: { original: t } }) => (
        <>
          {/* No prefetch: 25 row links in view would each fetch ahead from the server. */}
          <Link href={`/${org}/tickets/${t.number}`} prefetch={false} className="mr-2 font-medium text-slate-900 hover:text-indigo-700 hover:underline">{t.title}</Link>
          {t.sensitive && <SensitiveBadge />}
          {t.deleted && <Badge tone="slate">{tr('deleted')}</Badge>}
          {t.tags.length > 0 && (
            <span className="mt-1 flex flex-wrap gap-1">{t.tags.map((tag) => <TagLink key={tag} org={org} tag={tag} />)}</span>
          )}
          {t.snippet && <SearchSnippet where={t.snippet.where} text={t.snippet.text} />}
        </>
      ),
    },
    ...listColumnIds.filter((c) => shown.includes(c)).map((c) => optional[c]),
  ]
  return <DataTable columns={columns} data={rows} sort={sort} dir={dir} caption={tr('caption')} rowKey={(r) => String(r.number)} />
}
