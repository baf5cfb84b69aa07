'use server'
import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import type { z } from 'zod'
import type { Ctx } from '@/lib/auth/ctx'
import { runAction } from '@/lib/actions/run-action'
import type { ActionState } from '@/lib/actions/state'
import { isStaffRole } from '@/lib/authz/permissions'
import { addComment } from '@/lib/comments'
import { markSolution } from '@/lib/comments'
import { assignTicket } from '@/lib/tickets'
import { acceptAssignment, rejectAssignment } from '@/lib/tickets'
import { autoAssign } from '@/lib/routing'
import { changeStatus } from '@/lib/tickets'
import { createTicket } from '@/lib/tickets'
import { deleteTicket, restoreTicket } from '@/lib/tickets'
import {
  ComposeReplyInput, AssignTicketInput, ChangeStatusInput, CreateTicketInput, MarkSolutionInput, RejectAssignmentInput, TagFormInput, TicketCcInput,
  TicketRefInput, UpdateTicketInput,
} from '@/lib/tickets/schemas'
import { updateTicket } from '@/lib/tickets'
import { addTicketCc, followTicket, removeTicketCc, setTicketTags, unfollowTicket } from '@/lib/tickets'

// Shared by the staff workspace and the requester portal: the data-access layer decides
// what each role may do, so one set of actions serves both areas.

const ticketPath = (ctx: Ctx, number: number) =>
  isStaffRole(ctx.role) ? `/${ctx.org.slug}/tickets/${number}` : `/${ctx.org.slug}/portal/${number}`

/** Every page of the org may show the ticket (lists, counts, detail), so refresh them all. */
const refresh = (ctx: Ctx) => revalidatePath(`/${ctx.org.slug}`, 'layout')

export async function createTicketAction(_prev: ActionState, form: FormData) {
  return runAction(form, CreateTicketInput, async (ctx, input) => {
    const ticket = await createTicket(ctx, input)
    refresh(ctx)
    redirect(`${ticketPath(ctx, ticket.number)}?created=1`)
  })
}

/**
 * An action that runs one domain function and refreshes the org's pages. The revalidation
 * makes the action's answer carry the re-rendered page, and the form then refreshes it again
 * (useServerAction), so a write renders the page twice (issue 15, bench/results/writes.md:
 * without it a reply cost half the server CPU). It stays for now: Next 15 loses some
 * refreshes (vercel/next.js#83386), and the action's own render is the page's first chance
 * to show the change, the refresh with its reload fallback the second.
 */
function ticketAction<S extends z.ZodTypeAny>(schema: S, fn: (ctx: Ctx, input: z.output<S>) => Promise<unknown>) {
  return async (_prev: ActionState, form: FormData) => runAction(form, schema, async (ctx, input) => {
    await fn(ctx, input)
    refresh(ctx)
  })
}

export const replyAction = ticketAction(ComposeReplyInput, addComment)
export const changeStatusAction = ticketAction(ChangeStatusInput, changeStatus)
export const assignAction = ticketAction(AssignTicketInput, assignTicket)
export const acceptAction = ticketAction(TicketRefInput, acceptAssignment)
export const rejectAction = ticketAction(RejectAssignmentInput, rejectAssignment)

/** Auto-assign tells the form whether routing changed anything. */
export async function autoAssignAction(_prev: ActionState, form: FormData) {
  return runAction(form, TicketRefInput, async (ctx, input) => {
    const { changed } = await autoAssign(ctx, input)
    if (changed) refresh(ctx)
    return { changed }
  })
}
export const updateTicketAction = ticketAction(UpdateTicketInput, updateTicket)
export const markSolutionAction = ticketAction(MarkSolutionInput, markSolution)
export const deleteTicketAction = ticketAction(TicketRefInput, deleteTicket)
export const restoreTicketAction = ticketAction(TicketRefInput, restoreTicket)
export const addTagAction = ticketAction(TagFormInput, async (ctx, { number, tag }) => setTicketTags(ctx, { number, add: [tag] }))
export const removeTagAction = ticketAction(TagFormInput, async (ctx, { number, tag }) => setTicketTags(ctx, { number, remove: [tag] }))
export const followAction = ticketAction(TicketRefInput, followTicket)
export const unfollowAction = ticketAction(TicketRefInput, unfollowTicket)
export const addCcAction = ticketAction(TicketCcInput, addTicketCc)
export const removeCcAction = ticketAction(TicketCcInput, removeTicketCc)
