'use server'
import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import type { Ctx } from '@/lib/auth/ctx'
import { runAction } from '@/lib/actions/run-action'
import type { ActionState } from '@/lib/actions/state'
import { deleteView, renameView, saveListColumns, saveView } from '@/lib/views'

// The verbs parse their own input (their schemas transform it, so parsing twice would not
// round-trip); the form's fields pass through as they came.
const raw = z.record(z.unknown())
const refresh = (ctx: Ctx) => revalidatePath(`/${ctx.org.slug}/tickets`)

export async function saveViewAction(_prev: ActionState, form: FormData) {
  return runAction(form, raw, async (ctx, input) => {
    const view = await saveView(ctx, input as Parameters<typeof saveView>[1])
    refresh(ctx)
    return { id: view.id }
  })
}

export async function renameViewAction(_prev: ActionState, form: FormData) {
  return runAction(form, raw, async (ctx, input) => {
    await renameView(ctx, input as Parameters<typeof renameView>[1])
    refresh(ctx)
  })
}

export async function deleteViewAction(_prev: ActionState, form: FormData) {
  return runAction(form, raw, async (ctx, input) => {
    await deleteView(ctx, input as Parameters<typeof deleteView>[1])
    refresh(ctx)
  })
}

export async function saveListColumnsAction(_prev: ActionState, form: FormData) {
  return runAction(form, raw, async (ctx, input) => {
    const columns = await saveListColumns(ctx, input.columns as string[])
    refresh(ctx)
    return { columns }
  })
}
