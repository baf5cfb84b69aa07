import { z } from 'zod'
import { ticketPriorities, ticketStatuses } from '@/db/enums'
import { slaStatuses } from '@/lib/sla/status'
import { AddCommentInput, AssignTicketInput, ChangeStatusInput, CreateTicketInput, RejectAssignmentInput, TagListField, UpdateTicketInput, sortKeys } from '@/lib/tickets/schemas'
import { StaffTicketSummary, RequesterTicketSummary } from '@/lib/presenters/schemas'
import { roles } from '@/db/enums'
import { MAX_FILES_PER_MESSAGE } from '@/lib/attachments/limits'
import { defaultExportColumns, exportColumnKeys } from '@/lib/tickets/export-columns'
import { isValidTimeZone } from '@/lib/format/time'

// The API's request shapes are the forms' schemas minus the path's ticket number, so a
// rule (a limit, a message) is written once for both. Only the list query is stricter
// than the workspace's URL: an integrator gets a 422 naming the bad parameter, where a
// person's stale link quietly falls back to the default.

const csvOf = <T extends [string, ...string[]]>(values: T) =>
  z.string().refine((v) => v.split(',').every((x) => (values as string[]).includes(x)), { message: `Use a comma-separated list of: ${values.join(', ')}` })
    .optional().describe(`Comma-separated: ${values.join(', ')}`)

export const ApiTicketListQuery = z.object({
  status: csvOf([...ticketStatuses]),
  priority: csvOf([...ticketPriorities]),
  sla: csvOf([...slaStatuses]),
  category: z.string().uuid().optional(),
  assignee: z.union([z.enum(['me', 'none']), z.string().uuid()]).optional().describe('`me`, `none` or a user id'),
  team: z.union([z.literal('none'), z.string().uuid()]).optional().describe('`none` or a team id'),
  queue: z.string().regex(/^(mine|unassigned|team:[0-9a-f-]{36})$/i, 'Use mine, unassigned or team:<id>').optional(),
  q: z.string().max(200).optional().describe('The search language of the workspace box: words (title, description, conversation), "phrases", -excluded, #number, status:, priority:, tag:, team:, assignee:, requester:, created>YYYY-MM-DD, updated<7d …'),
  sort: z.enum(sortKeys).optional(),
  dir: z.enum(['asc', 'desc']).optional(),
  after: z.string().max(500).optional().describe('`nextCursor` of the previous page'),
  before: z.string().max(500).optional().describe('`prevCursor` of the next page'),
}).strict()

/** The list's filters without its paging; rows come in ticket-number order. */
export const ApiExportQuery = ApiTicketListQuery.omit({ sort: true, dir: true, after: true, before: true }).extend({
  columns: csvOf(exportColumnKeys).describe(`Comma-separated, in the order wanted: ${exportColumnKeys.join(', ')}. Default: ${defaultExportColumns.join(',')}`),
  tz: z.string().refine((v) => isValidTimeZone(v), 'Use an IANA time zone such as Europe/London').optional()
    .describe('Times are written in this IANA zone (ISO 8601 with offset); default: the organisation\'s'),
}).strict()

/** Staged uploads (POST /uploads) join the ticket's description or the reply by id. */
const attachmentIds = z.array(z.string().uuid()).max(MAX_FILES_PER_MESSAGE).optional().describe('Ids from POST /api/v1/{org}/uploads')
export const ApiCreateTicket = CreateTicketInput.extend({ attachmentIds }).strict()
export const ApiUpdateTicket = UpdateTicketInput.omit({ number: true }).partial()
  .extend({ tags: TagListField.optional().describe('The ticket’s tags, replacing the current ones (lower-case, 1–40 of a–z 0-9 - _ ., at most 20); staff only') })
  .strict()
export const ApiChangeStatus = ChangeStatusInput.omit({ number: true }).strict()
export const ApiAssign = AssignTicketInput.omit({ number: true }).strict()
export const ApiReject = RejectAssignmentInput.omit({ number: true }).strict()
export const ApiAddComment = AddCommentInput.omit({ number: true }).extend({ attachmentIds }).strict()

export const TicketPage = z.object({
  data: z.array(z.union([StaffTicketSummary, RequesterTicketSummary])),
  nextCursor: z.string().nullable(),
  prevCursor: z.string().nullable(),
})

export const ApiTeam = z.object({
  id: z.string().uuid(),
  name: z.string(),
  restricted: z.boolean(),
  assignmentStrategy: z.string(),
  members: z.array(z.object({ id: z.string().uuid(), name: z.string(), email: z.string(), role: z.string(), active: z.boolean() })),
})

export const ApiMemberListQuery = z.object({
  q: z.string().max(100).optional().describe('Part of a name or email'),
  role: z.enum(roles).optional(),
  status: z.enum(['active', 'deactivated']).optional(),
  after: z.string().max(600).optional().describe('`nextCursor` of the previous page'),
  before: z.string().max(600).optional().describe('`prevCursor` of the next page'),
}).strict()

export const ApiMember = z.object({
  id: z.string().uuid(),
  name: z.string(),
  email: z.string(),
  role: z.enum(roles),
  active: z.boolean(),
  since: z.string().datetime({ offset: true }),
})

export const ApiUpload = z.object({
  id: z.string().uuid(),
  filename: z.string(),
  size: z.number().int(),
  contentType: z.string(),
  thumbnail: z.boolean(),
  expiresAt: z.string().datetime({ offset: true }).describe('Unclaimed uploads are removed after this'),
})

export const ApiAttachment = z.object({
  id: z.string().uuid(),
  commentId: z.string().uuid().nullable().describe('Null: attached to the description'),
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  uploader: z.string(),
  createdAt: z.string().datetime({ offset: true }),
  downloadUrl: z.string().describe('Signed, valid for a few minutes; fetch without the token'),
})
