import { z } from 'zod'
import { placeholderProblem } from '@/lib/templates/placeholders'
import { checkbox } from '@/lib/tickets/schemas'

// Client-safe: the settings form and the picker validate with these; the domain on the server.

/** What a canned reply may say; filled from the ticket and the agent inserting it. */
export const cannedPlaceholders = [
  'requester.name', 'requester.email', 'ticket.number', 'ticket.title', 'ticket.status', 'agent.name', 'agent.email', 'org.name',
] as const

export const CANNED_TITLE_MAX = 120
export const CANNED_BODY_MAX = 10_000

const title = z.string().trim().min(1, 'Enter a title').max(CANNED_TITLE_MAX, `Keep the title under ${CANNED_TITLE_MAX} characters`)
const body = z.string().trim().min(1, 'Write the reply').max(CANNED_BODY_MAX, `Keep the reply under ${CANNED_BODY_MAX.toLocaleString('en')} characters`)
  .superRefine((v, c) => {
    const problem = placeholderProblem(v, cannedPlaceholders)
    if (problem) c.addIssue({ code: z.ZodIssueCode.custom, message: problem })
  })
const id = z.string().uuid('Unknown canned reply')

/** `shared`: for the whole org's staff (admins only); otherwise the author's own. */
export const CreateCannedReplyInput = z.object({ title, body, shared: checkbox.default(false) })
export const UpdateCannedReplyInput = z.object({ id, title, body })
export const CannedReplyRefInput = z.object({ id })
export const FillCannedReplyInput = z.object({ id, number: z.coerce.number().int().positive().max(2_147_483_647) })
export const CannedReplySearch = z.object({ q: z.string().trim().max(100).default('') })
