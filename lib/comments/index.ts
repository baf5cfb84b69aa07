// The conversation's public verbs, ctx-first (see lib/tickets/index.ts).
export { addComment } from './add-comment'
export { listComments } from './list-comments'
export { markSolution } from './mark-solution'
