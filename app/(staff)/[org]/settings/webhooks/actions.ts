'use server'
import { revalidatePath } from 'next/cache'
import type { Ctx } from '@/lib/auth/ctx'
import { runAction } from '@/lib/actions/run-action'
import type { ActionState } from '@/lib/actions/state'
import { addWebhook, removeWebhook } from '@/lib/notifications'
import { newWebhookSecret } from '@/lib/notifications/admin'
import { WebhookInput, WebhookRefInput } from '@/lib/notifications/schemas'

// Webhook changes are audited, so the audit page is refreshed along with this one.
const refresh = (ctx: Ctx) => revalidatePath(`/${ctx.org.slug}/settings`, 'layout')

export async function addWebhookAction(_prev: ActionState, form: FormData) {
  return runAction(form, WebhookInput, async (ctx, input) => {
    await addWebhook(ctx, input)
    refresh(ctx)
    // The secret is shown once, in the confirmation; the form starts over with a fresh one.
    return { url: input.url, secret: input.secret, nextSecret: newWebhookSecret() }
  })
}

export async function removeWebhookAction(_prev: ActionState, form: FormData) {
  return runAction(form, WebhookRefInput, async (ctx, input) => {
    await removeWebhook(ctx, input)
    refresh(ctx)
  })
}
