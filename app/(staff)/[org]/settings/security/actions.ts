'use server'
import { revalidatePath } from 'next/cache'
import { runAction } from '@/lib/actions/run-action'
import type { ActionState } from '@/lib/actions/state'
import { setRequireStaffTwoFactor } from '@/lib/two-factor'
import { RequireStaffTwoFactorInput } from '@/lib/two-factor/schemas'

export async function setRequireStaffTwoFactorAction(_prev: ActionState, form: FormData) {
  return runAction(form, RequireStaffTwoFactorInput, async (ctx, input) => {
    const { changed } = await setRequireStaffTwoFactor(ctx, input)
    revalidatePath(`/${ctx.org.slug}/settings`, 'layout')
    return { changed, required: input.required }
  })
}
