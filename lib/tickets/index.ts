// The tickets domain's public verbs, ctx-first, each authorising and auditing for itself
// (lib/verbs.test.ts checks). Steps that skip checks live in ./internal and are not here.
export { createTicket } from './create-ticket'
export { updateTicket } from './update-ticket'
export { changeStatus } from './change-status'
export { assignTicket } from './assign-ticket'
export { acceptAssignment, rejectAssignment } from './accept-assignment'
export { deleteTicket, restoreTicket } from './delete-ticket'
export { getTicketDetail, getTicketView, assertTicketVisible, type TicketView } from './get-ticket'
export { listTickets, countTickets } from './list-tickets'
export { queueCounts } from './queues'
export { assignmentOptions, searchAssignees, assigneeName } from './assignment-options'
export { listCategories } from './options'
export { autoAssign } from '@/lib/routing/route-ticket'
