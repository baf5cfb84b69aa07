'use server'
import { revalidatePath } from 'next/cache'
import { runAction } from '@/lib/actions/run-action'
import type { ActionState } from '@/lib/actions/state'
import { saveMyPhone } from '@/lib/notifications'
import { PhoneInput } from '@/lib/notifications/schemas'

export async function savePhoneAction(_prev: ActionState, form: FormData) {
  return runAction(form, PhoneInput, async (ctx, input) => {
    const saved = await saveMyPhone(ctx, { phone: input.phone ?? '' })
    revalidatePath(`/${ctx.org.slug}/preferences`)
    return saved
  })
}
