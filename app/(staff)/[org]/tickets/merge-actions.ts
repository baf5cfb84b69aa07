'use server'
import { revalidatePath } from 'next/cache'
import { runAction } from '@/lib/actions/run-action'
import type { ActionState } from '@/lib/actions/state'
import { mergeTickets } from '@/lib/tickets'
import { MergeTicketsInput } from '@/lib/tickets/schemas'

export async function mergeTicketsAction(_prev: ActionState, form: FormData) {
  return runAction(form, MergeTicketsInput, async (ctx, input) => {
    const merged = await mergeTickets(ctx, input)
    revalidatePath(`/${ctx.org.slug}/tickets`, 'layout')
    return merged
  })
}
