import 'server-only'
import { OpenAPIRegistry, OpenApiGeneratorV31, extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi'
import { z, type ZodTypeAny } from 'zod'
import { errorCodes } from '@/lib/errors'
import { RequesterComment, RequesterTicket, RequesterTicketSummary, StaffComment, StaffTicket, StaffTicketSummary } from '@/lib/presenters/schemas'
import { ApiExportQuery, ApiAddComment, ApiAssign, ApiAttachment, ApiMember, ApiMemberListQuery, ApiUpload, ApiChangeStatus, ApiCreateTicket, ApiReject, ApiTeam, ApiTicketListQuery, ApiUpdateTicket } from './schemas'

// The OpenAPI 3.1 document, generated from the very zod schemas the routes parse with and
// the presenters answer through (@asteasolutions/zod-to-openapi), so the document cannot
// describe fields the API does not send. Served at /api/v1/openapi.json.
extendZodWithOpenApi(z)

export type Operation = {
  method: 'get' | 'post' | 'patch'
  path: string
  operationId: string
  summary: string
  tag: 'Tickets' | 'Conversation' | 'Attachments' | 'Teams' | 'Members'
  query?: z.AnyZodObject
  body?: ZodTypeAny
  /** multipart/form-data with one `file` instead of JSON. */
  upload?: boolean
  ok: { status: 200 | 201; description: string; schema: ZodTypeAny }
  /** Answers ETag and honours If-Match. */
  versioned?: boolean
  /** When the operation can answer 409: what conflicts. */
  conflict?: string
  /** The success body's media type, when it is not JSON (a CSV export). */
  contentType?: 'text/csv'
}

const registry = new OpenAPIRegistry()
const s = {
  StaffTicket: registry.register('StaffTicket', StaffTicket),
  RequesterTicket: registry.register('RequesterTicket', RequesterTicket),
  StaffTicketSummary: registry.register('StaffTicketSummary', StaffTicketSummary),
  RequesterTicketSummary: registry.register('RequesterTicketSummary', RequesterTicketSummary),
  StaffComment: registry.register('StaffComment', StaffComment),
  RequesterComment: registry.register('RequesterComment', RequesterComment),
  Team: registry.register('Team', ApiTeam),
  Member: registry.register('Member', ApiMember),
  Upload: registry.register('Upload', ApiUpload),
  Attachment: registry.register('Attachment', ApiAttachment),
}
const Problem = registry.register('Problem', z.object({
  type: z.string(), title: z.string(), status: z.number().int(), detail: z.string().optional(),
  code: z.enum([...errorCodes, 'internal']),
  errors: z.record(z.array(z.string())).optional().describe('Field → every message about it'),
}))

const Ticket = z.union([s.StaffTicket, s.RequesterTicket]).describe('Staff see StaffTicket; a requester sees RequesterTicket')
const Comment = z.union([s.StaffComment, s.RequesterComment])
const page = <T extends ZodTypeAny>(item: T) => z.object({ data: z.array(item), nextCursor: z.string().nullable(), prevCursor: z.string().nullable() })
const list = <T extends ZodTypeAny>(item: T) => z.object({ data: z.array(item) })

const T = '/api/v1/{org}/tickets/{number}'
export const operations: Operation[] = [
  { method: 'get', path: '/api/v1/{org}/tickets', operationId: 'listTickets', tag: 'Tickets', summary: 'List tickets (filters, sort, keyset cursor)', query: ApiTicketListQuery,
    ok: { status: 200, description: 'One page of the tickets you may see', schema: page(z.union([s.StaffTicketSummary, s.RequesterTicketSummary])) } },
  { method: 'get', path: '/api/v1/{org}/tickets/export', operationId: 'exportTickets', tag: 'Tickets', query: ApiExportQuery, contentType: 'text/csv',
    summary: 'Export the tickets matching the list filters as CSV (staff): streamed, UTF-8 with BOM, RFC 4180, one row per ticket in number order',
    ok: { status: 200, description: 'A CSV attachment: a header row, then one row per ticket you may see (never deleted ones). Cells that a spreadsheet would run as a formula start with \'.',
      schema: z.string() } },
  { method: 'post', path: '/api/v1/{org}/tickets', operationId: 'createTicket', tag: 'Tickets', summary: 'Create a ticket (staff may set requesterEmail)', body: ApiCreateTicket,
    ok: { status: 201, description: 'The new ticket', schema: Ticket }, versioned: true },
  { method: 'get', path: T, operationId: 'getTicket', tag: 'Tickets', summary: 'Get a ticket by number', ok: { status: 200, description: 'The ticket', schema: Ticket }, versioned: true },
  { method: 'patch', path: T, operationId: 'updateTicket', tag: 'Tickets', summary: 'Change title, description, priority, category, tags or the sensitive flag', body: ApiUpdateTicket,
    ok: { status: 200, description: 'The ticket after the change', schema: Ticket }, versioned: true },
  { method: 'post', path: `${T}/status`, operationId: 'changeStatus', tag: 'Tickets', summary: 'Move the ticket to another status (§4 workflow)', body: ApiChangeStatus,
    ok: { status: 200, description: 'The ticket after the change', schema: Ticket }, versioned: true },
  { method: 'post', path: `${T}/assignment`, operationId: 'assignTicket', tag: 'Tickets', summary: 'Assign, transfer (reason required) or unassign', body: ApiAssign,
    ok: { status: 200, description: 'The ticket after the change', schema: Ticket }, versioned: true },
  { method: 'post', path: `${T}/accept`, operationId: 'acceptAssignment', tag: 'Tickets', summary: 'The assignee accepts the job',
    conflict: 'Not a field team\'s job (accepting is for field teams), or not yours to accept', ok: { status: 200, description: 'The ticket after the change', schema: Ticket }, versioned: true },
  { method: 'post', path: `${T}/reject`, operationId: 'rejectAssignment', tag: 'Tickets', summary: 'The assignee rejects the job, with a reason', body: ApiReject,
    conflict: 'Not a field team\'s job (rejecting is for field teams), or not yours to reject', ok: { status: 200, description: 'The ticket after the change', schema: Ticket }, versioned: true },
  { method: 'get', path: `${T}/comments`, operationId: 'listComments', tag: 'Conversation', summary: 'The conversation (a requester never sees internal notes)',
    ok: { status: 200, description: 'Replies and notes, oldest first', schema: list(Comment) } },
  { method: 'post', path: `${T}/comments`, operationId: 'addComment', tag: 'Conversation', summary: 'Add a public reply or (staff) an internal note', body: ApiAddComment,
    ok: { status: 201, description: 'The new comment', schema: Comment } },
  { method: 'post', path: '/api/v1/{org}/uploads', operationId: 'uploadFile', tag: 'Attachments', summary: 'Upload one file; send its id in attachmentIds of a new ticket or reply',
    upload: true, ok: { status: 201, description: 'The staged upload', schema: s.Upload } },
  { method: 'get', path: `${T}/attachments`, operationId: 'listAttachments', tag: 'Attachments', summary: 'Files on the ticket you may see, with short-lived download links',
    ok: { status: 200, description: 'Files, oldest first', schema: list(s.Attachment) } },
  { method: 'get', path: '/api/v1/{org}/teams', operationId: 'listTeams', tag: 'Teams', summary: 'Teams and their members (staff who may assign)',
    ok: { status: 200, description: 'Every team of the organisation', schema: list(s.Team) } },
  { method: 'get', path: '/api/v1/{org}/members', operationId: 'listMembers', tag: 'Members', summary: 'Members, alphabetical, searched by name or email (staff)', query: ApiMemberListQuery,
    ok: { status: 200, description: 'One page of members', schema: page(s.Member) } },
]

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: Problem } } })
const rateHeaders = {
  'RateLimit-Limit': { description: 'Requests allowed per window', schema: { type: 'integer' as const } },
  'RateLimit-Remaining': { description: 'Requests left in this window', schema: { type: 'integer' as const } },
  'RateLimit-Reset': { description: 'Seconds until the window resets', schema: { type: 'integer' as const } },
}

registry.registerComponent('securitySchemes', 'token', { type: 'http', scheme: 'bearer', description: 'An API token from Settings → API tokens' })
for (const op of operations) {
  const params: Record<string, ZodTypeAny> = { org: z.string().describe('The organisation slug, as in its URLs') }
  if (op.path.includes('{number}')) params.number = z.string().regex(/^\d+$/).describe('The ticket number')
  const headers: Record<string, ZodTypeAny> = {}
  if (op.method === 'post' && !op.upload) headers['Idempotency-Key'] = z.string().max(255).optional().describe('Send the same key to retry safely: the first result is answered again')
  if (op.versioned && op.method !== 'get' && op.path !== '/api/v1/{org}/tickets') headers['If-Match'] = z.string().optional().describe('The ETag you read; 412 if the ticket changed since')
  registry.registerPath({
    method: op.method, path: op.path, operationId: op.operationId, summary: op.summary, tags: [op.tag],
    security: [{ token: [] }],
    request: {
      params: z.object(params),
      ...(op.query ? { query: op.query } : {}),
      ...(Object.keys(headers).length ? { headers: z.object(headers) } : {}),
      ...(op.body ? { body: { required: true, content: { 'application/json': { schema: op.body } } } } : {}),
      ...(op.upload ? { body: { required: true, content: { 'multipart/form-data': { schema: z.object({ file: z.string().openapi({ format: 'binary' }) }) } } } } : {}),
    },
    responses: {
      [op.ok.status]: {
        description: op.ok.description,
        headers: { ...rateHeaders, ...(op.versioned ? { ETag: { description: 'The version to send in If-Match', schema: { type: 'string' as const } } } : {}) },
        content: { [op.contentType ?? 'application/json']: { schema: op.ok.schema } },
      },
      401: problem('No token, or an invalid, expired or revoked one'),
      403: problem('Your role or the token\'s scopes do not allow this'),
      404: problem('Missing, or not yours to see (the same answer for both)'),
      ...(op.conflict ? { 409: problem(op.conflict) } : {}),
      ...(op.versioned && op.method !== 'get' ? { 412: problem('If-Match no longer matches') } : {}),
      ...(op.body || op.query || op.upload ? { 422: problem('Invalid input: `errors` names every field') } : {}),
      ...(op.upload ? { 413: problem('The file is larger than the limit') } : {}),
      429: problem('Rate limit reached; see Retry-After'),
    },
  })
}

let cached: object | null = null
export function openApiDocument(): object {
  cached ??= new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Helpdesk API',
      version: '1.0.0',
      description: 'Tickets, conversations and teams of one organisation. Authenticate with `Authorization: Bearer <token>` '
        + '(Settings → API tokens); a token acts as the member who owns it, narrowed to its scopes. Errors are RFC 9457 problem details.',
    },
    servers: [{ url: '/', description: 'This installation' }],
  })
  return cached
}
