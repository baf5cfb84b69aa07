'use server'
import { revalidatePath } from 'next/cache'
import type { Ctx } from '@/lib/auth/ctx'
import { runAction } from '@/lib/actions/run-action'
import type { ActionState } from '@/lib/actions/state'
import { createCannedReply, deleteCannedReply, fillCannedReply, updateCannedReply } from '@/lib/canned-replies'
import { CannedReplyRefInput, CreateCannedReplyInput, FillCannedReplyInput, UpdateCannedReplyInput } from '@/lib/canned-replies/schemas'

// Shown on both management pages and in every ticket's composer.
const refresh = (ctx: Ctx) => revalidatePath(`/${ctx.org.slug}`, 'layout')

export async function createCannedReplyAction(_prev: ActionState, form: FormData) {
  return runAction(form, CreateCannedReplyInput, async (ctx, input) => {
    const r = await createCannedReply(ctx, input)
    refresh(ctx)
    return { title: r.title }
  })
}

export async function updateCannedReplyAction(_prev: ActionState, form: FormData) {
  return runAction(form, UpdateCannedReplyInput, async (ctx, input) => { await updateCannedReply(ctx, input); refresh(ctx) })
}

export async function deleteCannedReplyAction(_prev: ActionState, form: FormData) {
  return runAction(form, CannedReplyRefInput, async (ctx, input) => { await deleteCannedReply(ctx, input); refresh(ctx) })
}

/** The composer's picker: the reply filled for this ticket (nothing is saved). */
export async function fillCannedReplyAction(_prev: ActionState, form: FormData) {
  return runAction(form, FillCannedReplyInput, (ctx, input) => fillCannedReply(ctx, input))
}
