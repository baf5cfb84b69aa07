import { z } from 'zod'
import { defaultSortDir, sortKeys } from '@/lib/tickets/schemas'

// Client-safe: the save-view and column forms validate with these in the browser too.

export const VIEW_NAME_MAX = 60
/** As long as the list's search box takes (TicketListQuery.q). */
export const VIEW_QUERY_MAX = 200
/** Per shelf (my views, the org's, one team's): each view in the side list costs a count. */
export const MAX_VIEWS_PER_SHELF = 20

export type ViewScope = 'personal' | 'org' | 'team'

/**
 * Views every agent has, defined here and not stored: nobody can delete or rename them,
 * and they read the same for everyone because `me` is the viewer.
 */
export const builtInViews = [
  { id: 'my-open', name: 'My open', query: 'assignee:me is:open', sort: 'due', dir: 'asc' },
  { id: 'unassigned', name: 'Unassigned', query: 'assignee:none is:open', sort: 'due', dir: 'asc' },
  { id: 'breaching-soon', name: 'Breaching soon', query: 'sla:at_risk,breached is:open', sort: 'due', dir: 'asc' },
] as const
export type BuiltInViewId = (typeof builtInViews)[number]['id']
export const isBuiltInViewId = (id: string): id is BuiltInViewId => builtInViews.some((v) => v.id === id)

const viewName = z.string({ required_error: 'Name the view' }).trim()
  .min(1, 'Name the view').max(VIEW_NAME_MAX, `Keep the name under ${VIEW_NAME_MAX} characters`)
const viewId = z.string().uuid('Unknown view')

/** `personal`, `org`, or `team:<id>`: one control in the form, so its error sits beside it. */
const shareWith = z.union([
  z.literal('personal'), z.literal('org'),
  z.string().regex(/^team:[0-9a-f-]{36}$/i, 'Choose who sees the view').refine((v) => z.string().uuid().safeParse(v.slice(5)).success, 'Choose who sees the view'),
], { errorMap: () => ({ message: 'Choose who sees the view' }) })

export const SaveViewInput = z.object({
  name: viewName,
  query: z.preprocess((v) => v ?? '', z.string().trim().max(VIEW_QUERY_MAX, `Keep the search under ${VIEW_QUERY_MAX} characters`)),
  sort: z.preprocess((v) => (v === '' || v == null ? undefined : v), z.enum(sortKeys, { errorMap: () => ({ message: 'Choose a sort column' }) }).default('due')),
  dir: z.preprocess((v) => (v === '' || v == null ? undefined : v), z.enum(['asc', 'desc']).optional()),
  scope: z.preprocess((v) => (v === '' || v == null ? 'personal' : v), shareWith),
}).transform((v) => ({
  name: v.name, query: v.query, sort: v.sort, dir: v.dir ?? defaultSortDir(v.sort),
  scope: (v.scope.startsWith('team:') ? 'team' : v.scope) as ViewScope,
  teamId: v.scope.startsWith('team:') ? v.scope.slice(5) : null,
}))
export type SaveViewInput = z.input<typeof SaveViewInput>

export const RenameViewInput = z.object({ id: viewId, name: viewName })
export const DeleteViewInput = z.object({ id: viewId })

/** The list's optional columns (§11 column choice); `#` and the title always show. */
export const listColumnIds = ['status', 'due', 'priority', 'category', 'requester', 'assignee', 'team', 'updated', 'created'] as const
export type ListColumnId = (typeof listColumnIds)[number]
export const listColumnLabels: Record<ListColumnId, string> = {
  status: 'Status', due: 'SLA', priority: 'Priority', category: 'Category', requester: 'Requester', assignee: 'Assignee',
  team: 'Team', updated: 'Updated', created: 'Created',
}
/** Until someone chooses: the list as it always looked (the team shows under the assignee). */
export const defaultListColumns: readonly ListColumnId[] = ['status', 'due', 'priority', 'category', 'requester', 'assignee', 'updated']

/** Checkboxes arrive as one value, several, or none at all (every box cleared). */
export const SaveListColumnsInput = z.object({
  columns: z.preprocess((v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.enum(listColumnIds, { errorMap: () => ({ message: 'Unknown column' }) })).max(listColumnIds.length))
    .transform((cols) => listColumnIds.filter((c) => cols.includes(c))),
})
