import { z } from 'zod'
import { ticketPriorities, ticketStatuses } from '@/db/enums'
import { slaStatuses } from '@/lib/sla/status'
import { attachmentIdsField } from '@/lib/attachments/schemas'
import { hasText, parseSearch } from '@/lib/search/query'

// Client-safe: the same schemas validate in the browser (react-hook-form) and on the server.

export const TITLE_MAX = 200
export const DESCRIPTION_MAX = 20_000
export const COMMENT_MAX = 20_000
export const ASSET_REF_MAX = 120
export const REASON_MAX = 500

const optionalUuid = z.preprocess((v) => (v === '' || v === null ? undefined : v), z.string().uuid('Choose a valid option').optional())
// Capped at Postgres' integer range: a larger number would fail in the database instead of as "unknown".
export const TICKET_NUMBER_MAX = 2_147_483_647
const ticketNumber = z.coerce.number({ invalid_type_error: 'Unknown ticket' }).int().positive('Unknown ticket').max(TICKET_NUMBER_MAX, 'Unknown ticket')
export const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean())

export const CreateTicketInput = z.object({
  title: z.string().trim().min(1, 'Enter a title').max(TITLE_MAX, `Keep the title under ${TITLE_MAX} characters`),
  description: z.string().trim().min(1, 'Describe the problem').max(DESCRIPTION_MAX, `Keep the description under ${DESCRIPTION_MAX.toLocaleString('en')} characters`),
  priority: z.enum(ticketPriorities, { errorMap: () => ({ message: 'Choose low, normal, high or urgent' }) }).default('normal'),
  categoryId: optionalUuid,
  /** Staff creating on behalf of someone (e.g. a phone call); ignored for requesters. */
  requesterEmail: z.preprocess((v) => (v === '' ? undefined : v), z.string().trim().toLowerCase().email('Enter a valid email address').optional()),
  assetRef: z.preprocess((v) => (v === '' ? undefined : v), z.string().trim().max(ASSET_REF_MAX, `Keep the asset or location under ${ASSET_REF_MAX} characters`).optional()),
  /** Staged uploads (lib/attachments) that join the ticket's description. */
  attachmentIds: attachmentIdsField,
  /** Staff may send a new ticket straight to a team; without one, routing rules decide (§6). Ignored for requesters. */
  teamId: optionalUuid,
})
export type CreateTicketInput = z.input<typeof CreateTicketInput>

export const UpdateTicketInput = z.object({
  number: ticketNumber,
  title: CreateTicketInput.shape.title,
  description: CreateTicketInput.shape.description,
  priority: z.enum(ticketPriorities, { errorMap: () => ({ message: 'Choose low, normal, high or urgent' }) }),
  categoryId: optionalUuid,
  sensitive: checkbox.optional(),
})

export const ChangeStatusInput = z.object({
  number: ticketNumber,
  to: z.enum(ticketStatuses, { errorMap: () => ({ message: 'Choose a status' }) }),
  note: z.string().trim().max(COMMENT_MAX, `Keep the note under ${COMMENT_MAX.toLocaleString('en')} characters`).optional().default(''),
})

export const AssignTicketInput = z.object({
  number: ticketNumber,
  /** Absent: the ticket keeps its team; '' or null: no team. */
  teamId: z.preprocess((v) => (v === '' ? null : v), z.string().uuid('Choose a team').nullable().optional()),
  assigneeId: z.preprocess((v) => (v === '' ? null : v), z.string().uuid('Choose an agent').nullable()),
  reason: z.string().trim().max(REASON_MAX, `Keep the reason under ${REASON_MAX} characters`).optional(),
})

/** Rejecting a job needs a reason (§6): the team reads it when the ticket comes back to the queue. */
export const RejectAssignmentInput = z.object({
  number: ticketNumber,
  reason: z.string().trim().min(1, 'Say why you are rejecting this ticket').max(REASON_MAX, `Keep the reason under ${REASON_MAX} characters`),
})

export const TicketRefInput = z.object({ number: ticketNumber })

export const AddCommentInput = z.object({
  number: ticketNumber,
  body: z.string().trim().min(1, 'Write a message').max(COMMENT_MAX, `Keep the message under ${COMMENT_MAX.toLocaleString('en')} characters`),
  internal: checkbox.default(false),
  attachmentIds: attachmentIdsField,
})

/**
 * The ticket page's reply form adds the collision guard (issue 16): when the sender last saw
 * the conversation, and whether they chose to send despite newer replies. Kept apart from
 * AddCommentInput so the API's strict body schema is unchanged.
 */
export const ComposeReplyInput = AddCommentInput.extend({
  seenAt: z.preprocess((v) => (v === '' || v == null ? undefined : v), z.coerce.date().optional()),
  sendAnyway: checkbox.default(false),
})

/** Tags (issue 14): lower-case, 1–40 of a–z 0-9 - _ . — the same in the URL (`tag:vpn`), the API and the index. */
export const TAG_MAX = 40
export const MAX_TAGS_PER_TICKET = 20
export const TagName = z.string({ invalid_type_error: 'Enter a tag' }).trim().toLowerCase()
  .min(1, 'Enter a tag').max(TAG_MAX, `Keep a tag to ${TAG_MAX} characters`)
  .regex(/^[a-z0-9._-]*$/, 'A tag may use only letters a–z, digits and - _ . (no spaces)')
const tooManyTags = `A ticket can have at most ${MAX_TAGS_PER_TICKET} tags`
/** One tag from a form field or several from a caller. */
const tagList = z.preprocess((v) => (typeof v === 'string' ? [v] : v ?? []), z.array(TagName).max(MAX_TAGS_PER_TICKET, tooManyTags))
export const TagListField = z.array(TagName).max(MAX_TAGS_PER_TICKET, tooManyTags)

/** Add and remove (the tag control, bulk actions), or `set` the whole list (the API's PATCH). */
export const SetTicketTagsInput = z.object({
  number: ticketNumber,
  add: tagList,
  remove: tagList,
  set: TagListField.optional(),
}).refine((v) => !(v.set && (v.add.length || v.remove.length)), { message: 'Either replace the tags or add and remove them', path: ['set'] })

/** The tag control's form: one tag at a time. */
export const TagFormInput = z.object({ number: ticketNumber, tag: TagName })

/** The tag input's autocomplete: what the person typed so far. */
export const OrgTagsQuery = z.object({
  prefix: z.string().trim().toLowerCase().max(200).catch('').default(''),
  limit: z.coerce.number().int().min(1).max(20).catch(8).default(8),
})

/** Addresses copied on a ticket's public replies (issue 14). */
export const MAX_CC = 10
export const TicketCcInput = z.object({
  number: ticketNumber,
  email: z.string({ invalid_type_error: 'Enter an email address' }).trim().toLowerCase().min(1, 'Enter an email address')
    .max(254, 'That email address is too long').email('Enter a valid email address'),
})

export const MarkSolutionInput = z.object({ number: ticketNumber, commentId: z.string().uuid() })

const csv = <T extends z.ZodTypeAny>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? (v ? v.split(',') : []) : v ?? []), z.array(item))

/**
 * `due`: the next live SLA deadline (what breaches first), tickets without one last.
 * `requester`, `assignee`, `team`, `category`: by display name, case-blind; nobody / no team /
 * no category last in either direction.
 * `relevance`: best matches of the search box's words first (the default while searching).
 */
export const sortKeys = ['due', 'number', 'created', 'updated', 'priority', 'status', 'title', 'requester', 'assignee', 'team', 'category', 'relevance'] as const
export type SortKey = (typeof sortKeys)[number]

/**
 * The direction a column sorts in on its first click (and without a `dir` in the URL): what
 * breaches first, the newest and latest activity, the most urgent; statuses in workflow
 * order and names A to Z.
 */
export const defaultSortDir = (sort: SortKey): 'asc' | 'desc' =>
  (sort === 'number' || sort === 'created' || sort === 'updated' || sort === 'priority' || sort === 'relevance' ? 'desc' : 'asc')

/** Whether the search box holds words (not only filter tokens): then results sort by relevance unless a sort is chosen. */
const searchesText = (q: string | undefined) => !!q && hasText(parseSearch(q).query)

/** The list's URL state (§11): filters, sort and keyset cursor, all shareable. */
export const TicketListQuery = z.object({
  status: csv(z.enum(ticketStatuses)).catch([]),
  priority: csv(z.enum(ticketPriorities)).catch([]),
  category: z.string().uuid().optional().catch(undefined),
  assignee: z.union([z.literal('me'), z.literal('none'), z.string().uuid()]).optional().catch(undefined),
  team: z.union([z.literal('none'), z.string().uuid()]).optional().catch(undefined),
  /** Work queues (§6): every unsolved ticket, or those assigned to me, to nobody, or in one team. */
  queue: z.union([z.literal('open'), z.literal('mine'), z.literal('unassigned'), z.string().regex(/^team:[0-9a-f-]{36}$/i).refine((v) => z.string().uuid().safeParse(v.slice(5)).success)])
    .optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  sla: csv(z.enum(slaStatuses)).catch([]),
  // The agent queue opens on what breaches first (§5); `sort=number&dir=desc` for newest.
  sort: z.enum(sortKeys).optional().catch(undefined),
  dir: z.enum(['asc', 'desc']).optional().catch(undefined),
  after: z.string().max(500).optional().catch(undefined),
  before: z.string().max(500).optional().catch(undefined),
  deleted: z.literal('1').optional().catch(undefined),
})
  .transform((q) => {
    // Relevance needs words to rank by; without them the list falls back to its default.
    const sort: SortKey = q.sort === 'relevance' || !q.sort ? (searchesText(q.q) ? 'relevance' : 'due') : q.sort
    return { ...q, sort, dir: q.dir ?? defaultSortDir(sort) }
  })
export type TicketListQuery = z.infer<typeof TicketListQuery>

/** Merge a duplicate (`number`) into `into` (issue 16). */
export const MergeTicketsInput = z.object({
  number: ticketNumber,
  into: z.coerce.number({ invalid_type_error: 'Enter the number of the ticket to keep' }).int().positive('Enter the number of the ticket to keep')
    .max(TICKET_NUMBER_MAX, 'Enter the number of the ticket to keep'),
}).refine((v) => v.number !== v.into, { path: ['into'], message: 'Choose another ticket than this one' })
