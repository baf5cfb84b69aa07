// The saved-views domain's public verbs, ctx-first (see lib/tickets/index.ts): the views
// beside the queues, their counts and stale names, and each person's list columns.
export { listViews, getView, type View } from './list-views'
export { saveView, renameView, deleteView } from './manage-views'
export { viewCounts } from './view-counts'
export { staleViewNames, type StaleName } from './stale-names'
export { listColumns, saveListColumns } from './list-columns'
