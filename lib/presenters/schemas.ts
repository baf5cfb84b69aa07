import { z } from 'zod'
import { ticketPriorities, ticketStatuses } from '@/db/enums'
import { slaStatuses } from '@/lib/sla/status'

// What each audience is shown of a ticket and its conversation. The API documents these
// shapes (lib/api/v1/openapi.ts) and the presenters parse through them, so a field that is
// not in the requester's shape can never reach a requester: zod drops unknown keys.

const when = z.string().datetime({ offset: true }).describe('ISO 8601 instant')
const maybeWhen = when.nullable()
const ref = z.object({ id: z.string().uuid(), name: z.string() })

export const StaffTicket = z.object({
  number: z.number().int(),
  title: z.string(),
  description: z.string(),
  status: z.enum(ticketStatuses),
  priority: z.enum(ticketPriorities),
  category: ref.nullable(),
  requester: ref.extend({ email: z.string() }),
  assignee: ref.nullable(),
  team: ref.nullable(),
  accepted: z.boolean().describe('The assignee accepted the job (field-ops flow, §6)'),
  sensitive: z.boolean(),
  tags: z.array(z.string()),
  assetRef: z.string().nullable(),
  createdAt: when,
  updatedAt: when,
  firstResponseAt: maybeWhen,
  resolvedAt: maybeWhen,
  closedAt: maybeWhen,
  deleted: z.boolean(),
  sla: z.object({ responseDueAt: maybeWhen, resolutionDueAt: maybeWhen, pausedAt: maybeWhen, escalatedAt: maybeWhen }),
})
export type StaffTicket = z.infer<typeof StaffTicket>

export const RequesterTicket = z.object({
  number: StaffTicket.shape.number,
  title: z.string(),
  description: z.string(),
  status: StaffTicket.shape.status,
  priority: StaffTicket.shape.priority,
  category: z.object({ name: z.string() }).nullable(),
  assignee: z.object({ name: z.string() }).nullable(),
  assetRef: z.string().nullable(),
  createdAt: when,
  updatedAt: when,
  resolvedAt: maybeWhen,
  closedAt: maybeWhen,
  respondBy: maybeWhen.describe('When we aim to first respond, while that can still be kept; the SLA detail stays with staff'),
})
export type RequesterTicket = z.infer<typeof RequesterTicket>

export const StaffTicketSummary = z.object({
  number: StaffTicket.shape.number,
  title: z.string(),
  status: StaffTicket.shape.status,
  priority: StaffTicket.shape.priority,
  category: z.string().nullable(),
  requester: z.string(),
  assignee: ref.nullable(),
  team: ref.nullable(),
  accepted: z.boolean(),
  sensitive: z.boolean(),
  tags: z.array(z.string()),
  sla: z.object({ status: z.enum(slaStatuses).nullable(), dueAt: maybeWhen, escalatedAt: maybeWhen }),
  createdAt: when,
  updatedAt: when,
  deleted: z.boolean(),
})

export const RequesterTicketSummary = z.object({
  number: StaffTicket.shape.number,
  title: z.string(),
  status: StaffTicket.shape.status,
  priority: StaffTicket.shape.priority,
  category: z.string().nullable(),
  createdAt: when,
  updatedAt: when,
})

export const StaffComment = z.object({
  id: z.string().uuid(),
  body: z.string(),
  internal: z.boolean().describe('An internal note: staff only (§7)'),
  isSolution: z.boolean(),
  author: ref,
  createdAt: when,
})

export const RequesterComment = z.object({
  id: z.string().uuid(),
  body: z.string(),
  isSolution: z.boolean(),
  author: z.object({ name: z.string() }),
  createdAt: when,
})
