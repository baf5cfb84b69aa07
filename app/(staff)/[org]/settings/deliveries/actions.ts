'use server'
import { revalidatePath } from 'next/cache'
import { runAction } from '@/lib/actions/run-action'
import type { ActionState } from '@/lib/actions/state'
import { retryDelivery } from '@/lib/notifications'
import { JobRefInput } from '@/lib/notifications/schemas'

export async function retryDeliveryAction(_prev: ActionState, form: FormData) {
  return runAction(form, JobRefInput, async (ctx, input) => {
    await retryDelivery(ctx, input)
    // The retry is recorded in the audit log as well.
    revalidatePath(`/${ctx.org.slug}/settings`, 'layout')
  })
}
