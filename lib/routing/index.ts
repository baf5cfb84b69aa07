// The routing domain's public verbs, ctx-first (see lib/tickets/index.ts).
export { listRules, saveRule, deleteRule, moveRule } from './rules'
export { previewRoute, type RoutePreview } from './preview'
export { autoAssign } from './route-ticket'
