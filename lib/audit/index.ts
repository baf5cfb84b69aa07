// The audit log's public verbs, ctx-first (see lib/tickets/index.ts). recordAudit is the
// step every writing verb calls inside its own transaction; it is not a verb.
export { listAuditEvents } from './list-events'
export { auditReferences } from './references'
export { verifyMyOrgChain } from './verify'
