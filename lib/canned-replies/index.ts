// The canned replies domain's public verbs, ctx-first (see lib/tickets/index.ts).
export { listCannedReplies, fillCannedReply, type CannedReplyView } from './queries'
export { createCannedReply, updateCannedReply, deleteCannedReply } from './manage'
