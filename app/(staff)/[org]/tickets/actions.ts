'use server'
import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import type { Ctx } from '@/lib/auth/ctx'
import { runAction } from '@/lib/actions/run-action'
import type { ActionState } from '@/lib/actions/state'
import { isStaffRole } from '@/lib/authz/permissions'
import { addComment } from '@/lib/comments/add-comment'
import { markSolution } from '@/lib/comments/mark-solution'
import { assignTicket } from '@/lib/tickets/assign-ticket'
import { changeStatus } from '@/lib/tickets/change-status'
import { createTicket } from '@/lib/tickets/create-ticket'
import { deleteTicket, restoreTicket } from '@/lib/tickets/delete-ticket'
import {
  AddCommentInput, AssignTicketInput, ChangeStatusInput, CreateTicketInput, MarkSolutionInput, TicketRefInput, UpdateTicketInput,
} from '@/lib/tickets/schemas'
import { updateTicket } from '@/lib/tickets/update-ticket'

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

export async function replyAction(_prev: ActionState, form: FormData) {
  return runAction(form, AddCommentInput, async (ctx, input) => {
    await addComment(ctx, input)
    refresh(ctx)
  })
}

export async function changeStatusAction(_prev: ActionState, form: FormData) {
  return runAction(form, ChangeStatusInput, async (ctx, input) => {
    await changeStatus(ctx, input)
    refresh(ctx)
  })
}

export async function assignAction(_prev: ActionState, form: FormData) {
  return runAction(form, AssignTicketInput, async (ctx, input) => {
    await assignTicket(ctx, input)
    refresh(ctx)
  })
}

export async function updateTicketAction(_prev: ActionState, form: FormData) {
  return runAction(form, UpdateTicketInput, async (ctx, input) => {
    await updateTicket(ctx, input)
    refresh(ctx)
  })
}

export async function markSolutionAction(_prev: ActionState, form: FormData) {
  return runAction(form, MarkSolutionInput, async (ctx, input) => {
    await markSolution(ctx, input)
    refresh(ctx)
  })
}

export async function deleteTicketAction(_prev: ActionState, form: FormData) {
  return runAction(form, TicketRefInput, async (ctx, input) => {
    await deleteTicket(ctx, input)
    refresh(ctx)
  })
}

export async function restoreTicketAction(_prev: ActionState, form: FormData) {
  return runAction(form, TicketRefInput, async (ctx, input) => {
    await restoreTicket(ctx, input)
    refresh(ctx)
  })
}
