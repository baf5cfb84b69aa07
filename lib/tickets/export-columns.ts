import { z } from 'zod'

// Client-safe: the columns a CSV export may hold (a whitelist), shared by the export
// dialog, the workspace route, the API and its OpenAPI document.

export const exportColumns = [
  { key: 'number', label: 'Number', default: true },
  { key: 'title', label: 'Title', default: true },
  { key: 'status', label: 'Status', default: true },
  { key: 'priority', label: 'Priority', default: true },
  { key: 'category', label: 'Category', default: true },
  { key: 'requester', label: 'Requester', default: true },
  { key: 'requester_email', label: 'Requester email', default: false },
  { key: 'assignee', label: 'Assignee', default: true },
  { key: 'team', label: 'Team', default: true },
  { key: 'tags', label: 'Tags', default: true },
  { key: 'sla_status', label: 'SLA status', default: false },
  { key: 'sla_due', label: 'SLA due', default: false },
  { key: 'created', label: 'Created', default: true },
  { key: 'updated', label: 'Updated', default: true },
  { key: 'first_response', label: 'First response', default: false },
  { key: 'resolved', label: 'Resolved', default: false },
  { key: 'closed', label: 'Closed', default: false },
  { key: 'asset_ref', label: 'Asset or location', default: false },
  { key: 'sensitive', label: 'Sensitive', default: false },
  { key: 'description', label: 'Description', default: false },
] as const

export type ExportColumn = (typeof exportColumns)[number]['key']
export const exportColumnKeys = exportColumns.map((c) => c.key) as [ExportColumn, ...ExportColumn[]]
export const defaultExportColumns: ExportColumn[] = exportColumns.filter((c) => c.default).map((c) => c.key)

/** `columns=number,title,…` (or repeated); absent means the defaults; an unknown name is refused, never dropped. */
export const ExportColumnsInput = z.preprocess(
  (v) => (v === undefined || v === '' ? undefined : typeof v === 'string' ? v.split(',') : v),
  z.array(z.enum(exportColumnKeys, { errorMap: () => ({ message: `Choose columns from: ${exportColumnKeys.join(', ')}` }) }))
    .min(1, 'Choose at least one column').max(exportColumnKeys.length).optional(),
).transform((v) => (v ? [...new Set(v)] : defaultExportColumns))
