'use server'
import { revalidatePath } from 'next/cache'
import { runAction } from '@/lib/actions/run-action'
import type { ActionState } from '@/lib/actions/state'
import { createApiToken, revokeApiToken } from '@/lib/api-tokens'
import { CreateTokenInput, RevokeTokenInput } from '@/lib/api-tokens/schemas'

export async function createTokenAction(_prev: ActionState, form: FormData) {
  return runAction(form, CreateTokenInput, async (ctx, input) => {
    const token = await createApiToken(ctx, input)
    revalidatePath(`/${ctx.org.slug}/settings`, 'layout')
    // The secret goes back to this one response, shown once; it is stored only as a hash.
    return { name: token.name, secret: token.secret }
  })
}

export async function revokeTokenAction(_prev: ActionState, form: FormData) {
  return runAction(form, RevokeTokenInput, async (ctx, input) => {
    await revokeApiToken(ctx, input)
    revalidatePath(`/${ctx.org.slug}/settings`, 'layout')
  })
}
