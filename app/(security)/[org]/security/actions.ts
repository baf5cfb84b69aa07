'use server'
import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { runAction } from '@/lib/actions/run-action'
import type { ActionState } from '@/lib/actions/state'
import { confirmEnrolment, disableTwoFactor, startEnrolment, type Enrolment } from '@/lib/two-factor'
import { ConfirmEnrolmentInput, DisableTwoFactorInput } from '@/lib/two-factor/schemas'

// All three are open to staff who must still set up two-factor (runAction's `enrolment`).
export async function startEnrolmentAction(_prev: ActionState, form: FormData): Promise<ActionState<Enrolment>> {
  return runAction(form, z.object({}), (ctx) => startEnrolment(ctx), { enrolment: true })
}

export async function confirmEnrolmentAction(_prev: ActionState, form: FormData): Promise<ActionState<{ recoveryCodes: string[] }>> {
  return runAction(form, ConfirmEnrolmentInput, (ctx, input) => confirmEnrolment(ctx, input), { enrolment: true })
}

export async function disableTwoFactorAction(_prev: ActionState, form: FormData) {
  return runAction(form, DisableTwoFactorInput, async (ctx, input) => {
    const done = await disableTwoFactor(ctx, input)
    revalidatePath(`/${ctx.org.slug}/security`)
    return done
  }, { enrolment: true })
}
