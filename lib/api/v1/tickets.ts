import 'server-only'
import { Readable } from 'node:stream'
import type { ReadableStream as NodeReadableStream } from 'node:stream/web'
import type { Ctx } from '@/lib/auth/ctx-type'
import { withTx } from '@/lib/db/tx'
import { PreconditionFailedError } from '@/lib/errors'
import { acceptAssignment, assignTicket, changeStatus, createTicket, getTicketView, listTickets, rejectAssignment, setTicketTags, updateTicket } from '@/lib/tickets'
import { addComment, listComments } from '@/lib/comments'
import { loadVisibleTicket } from '@/lib/tickets/internal/load'
import { listTeams } from '@/lib/teams/queries'
import { searchMembers } from '@/lib/members/search-members'
import { stageUpload } from '@/lib/attachments/stage-upload'
import { ticketAttachments } from '@/lib/attachments/list-attachments'
import { downloadLink } from '@/lib/attachments/download-link'
import { ValidationError } from '@/lib/errors'
import { presentComment, presentTicket, presentTicketSummary, ticketEtag } from '@/lib/presenters/tickets'
import { TicketRefInput } from '@/lib/tickets/schemas'
import type { ApiResult } from '@/lib/api/result'
import type { ApiCall } from './route'
import { ApiAddComment, ApiAssign, ApiAttachment, ApiMember, ApiMemberListQuery, ApiUpload, ApiChangeStatus, ApiCreateTicket, ApiReject, ApiTeam, ApiTicketListQuery, ApiUpdateTicket } from './schemas'

// The API's operations: each parses its input, calls the domain verbs with the caller's
// ctx, and answers through the presenters. No rule lives here.

type OrgParams = { org: string }
type TicketParams = { org: string; number: string }

const numberOf = (p: TicketParams) => TicketRefInput.parse({ number: p.number }).number

async function ticketResult(ctx: Ctx, number: number, status = 200, extra: Record<string, string> = {}): Promise<ApiResult> {
  const view = await getTicketView(ctx, number)
  return { status, body: presentTicket(ctx, view), headers: { etag: ticketEtag(view), ...extra } }
}

/**
 * A change to one ticket, with optimistic concurrency: with `If-Match`, the ticket is
 * locked and compared with the caller's version first, in the change's own transaction,
 * so two integrations can never overwrite each other silently (412 instead).
 */
async function changeTicket(call: ApiCall<TicketParams>, change: (ctx: Ctx, number: number) => Promise<unknown>): Promise<ApiResult> {
  const number = numberOf(call.params)
  const ifMatch = call.req.headers.get('if-match')
  return withTx(call.ctx, async (tx, ctx) => {
    if (ifMatch !== null) {
      const current = await loadVisibleTicket(tx, ctx, number, { lock: true })
      const tags = ifMatch.split(',').map((t) => t.trim().replace(/^W\//, ''))
      if (!tags.includes('*') && !tags.includes(ticketEtag(current))) {
        throw new PreconditionFailedError('The ticket changed since you read it; fetch it again and retry')
      }
    }
    await change(ctx, number)
    return ticketResult(ctx, number)
  })
}

export async function listTicketsOp({ ctx, query }: ApiCall<OrgParams>): Promise<ApiResult> {
  const q = ApiTicketListQuery.parse(Object.fromEntries(query))
  const page = await listTickets(ctx, q)
  // An integration gets a 422 for a bad search token, where the page shows it beside the box.
  if (page.search?.errors.length) throw new ValidationError('The search has invalid tokens', { q: page.search.errors.map((e) => `${e.token}: ${e.message}`) })
  return { status: 200, body: { data: page.rows.map((r) => presentTicketSummary(ctx, r)), nextCursor: page.next, prevCursor: page.prev } }
}

export async function createTicketOp({ ctx, body }: ApiCall<OrgParams>): Promise<ApiResult> {
  const input = ApiCreateTicket.parse(body)
  return withTx(ctx, async (_tx, txCtx) => {
    const ticket = await createTicket(txCtx, input)
    return ticketResult(txCtx, ticket.number, 201, { location: `/api/v1/${ctx.org.slug}/tickets/${ticket.number}` })
  })
}

export const getTicketOp = ({ ctx, params }: ApiCall<TicketParams>) => ticketResult(ctx, numberOf(params))

export function updateTicketOp(call: ApiCall<TicketParams>): Promise<ApiResult> {
  const input = ApiUpdateTicket.parse(call.body)
  return changeTicket(call, async (ctx, number) => {
    const t = await getTicketView(ctx, number)
    await updateTicket(ctx, {
      number, title: input.title ?? t.title, description: input.description ?? t.description, priority: input.priority ?? t.priority,
      categoryId: input.categoryId === undefined ? t.categoryId ?? undefined : input.categoryId, sensitive: input.sensitive ?? t.sensitive,
    })
    if (input.tags) await setTicketTags(ctx, { number, set: input.tags })
  })
}

export function changeStatusOp(call: ApiCall<TicketParams>): Promise<ApiResult> {
  const input = ApiChangeStatus.parse(call.body)
  return changeTicket(call, (ctx, number) => changeStatus(ctx, { ...input, number }))
}

export function assignOp(call: ApiCall<TicketParams>): Promise<ApiResult> {
  const input = ApiAssign.parse(call.body)
  return changeTicket(call, (ctx, number) => assignTicket(ctx, { ...input, number }))
}

export const acceptOp = (call: ApiCall<TicketParams>) => changeTicket(call, (ctx, number) => acceptAssignment(ctx, { number }))

export function rejectOp(call: ApiCall<TicketParams>): Promise<ApiResult> {
  const input = ApiReject.parse(call.body)
  return changeTicket(call, (ctx, number) => rejectAssignment(ctx, { ...input, number }))
}

export async function listCommentsOp({ ctx, params }: ApiCall<TicketParams>): Promise<ApiResult> {
  const rows = await listComments(ctx, numberOf(params))
  return { status: 200, body: { data: rows.map((c) => presentComment(ctx, c)) } }
}

export async function addCommentOp({ ctx, params, body }: ApiCall<TicketParams>): Promise<ApiResult> {
  const input = ApiAddComment.parse(body)
  const number = numberOf(params)
  return withTx(ctx, async (_tx, txCtx) => {
    const c = await addComment(txCtx, { ...input, number })
    const rows = await listComments(txCtx, number)
    const row = rows.find((r) => r.id === c.id)!
    return { status: 201, body: presentComment(txCtx, row) }
  })
}

export async function listTeamsOp({ ctx }: ApiCall<OrgParams>): Promise<ApiResult> {
  const teams = await listTeams(ctx)
  return {
    status: 200,
    body: { data: teams.map((t) => ApiTeam.parse({ ...t, members: t.members.map((m) => ({ id: m.userId, name: m.name, email: m.email, role: m.role, active: m.active })) })) },
  }
}

export async function listMembersOp({ ctx, query }: ApiCall<OrgParams>): Promise<ApiResult> {
  const q = ApiMemberListQuery.parse(Object.fromEntries(query))
  const page = await searchMembers(ctx, q)
  return {
    status: 200,
    body: {
      data: page.rows.map((m) => ApiMember.parse({ id: m.userId, name: m.name, email: m.email, role: m.role, active: m.active, since: new Date(m.since).toISOString() })),
      nextCursor: page.next, prevCursor: page.prev,
    },
  }
}

/** One file, multipart field `file`, streamed to storage; `?ticket=<number>` checks that ticket's total early. */
export async function uploadOp({ ctx, req, query }: ApiCall<OrgParams>): Promise<ApiResult> {
  if (!req.body) throw new ValidationError('The upload contained no file.', { file: ['Send the file as multipart/form-data field "file"'] })
  const ticket = query.get('ticket')
  const staged = await stageUpload(ctx, {
    body: Readable.fromWeb(req.body as unknown as NodeReadableStream<Uint8Array>),
    contentType: req.headers.get('content-type') ?? '',
    contentLength: Number(req.headers.get('content-length')) || null,
    ticketNumber: ticket ? TicketRefInput.parse({ number: ticket }).number : null,
  })
  return { status: 201, body: ApiUpload.parse({ ...staged, expiresAt: new Date(staged.expiresAt).toISOString() }) }
}

export async function listAttachmentsOp({ ctx, params }: ApiCall<TicketParams>): Promise<ApiResult> {
  const ticket = await getTicketView(ctx, numberOf(params))
  const files = await ticketAttachments(ctx, ticket.id)
  const data = await Promise.all(files.map(async (f) => ApiAttachment.parse({
    id: f.id, commentId: f.commentId, filename: f.filename, contentType: f.contentType, size: f.size, uploader: f.uploader,
    createdAt: new Date(f.createdAt).toISOString(), downloadUrl: await downloadLink(ctx, f.id, { download: true }),
  })))
  return { status: 200, body: { data } }
}
