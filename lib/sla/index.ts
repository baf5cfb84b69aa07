// The SLA domain's public verbs, ctx-first (see lib/tickets/index.ts). Pure clock and
// calendar helpers (./clock, ./calendar, ./format) are shared with the browser and stay apart.
export { listPolicies, savePolicy, deletePolicy, getCalendar, saveCalendar } from './policies'
export { slaCompliance } from './report'
export { ticketSlaPolicy } from './ticket-policy'
