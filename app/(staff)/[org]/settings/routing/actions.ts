'use server'
import { revalidatePath } from 'next/cache'
import type { Ctx } from '@/lib/auth/ctx'
import { runAction } from '@/lib/actions/run-action'
import type { ActionState } from '@/lib/actions/state'
import { previewRoute } from '@/lib/routing'
import { type RoutePreview } from '@/lib/routing/preview'
import { deleteRule, moveRule, saveRule } from '@/lib/routing'
import { MoveRuleInput, RoutePreviewInput, RuleInput, RuleRefInput } from '@/lib/routing/schemas'

const refresh = (ctx: Ctx) => revalidatePath(`/${ctx.org.slug}/settings`, 'layout')

export async function saveRuleAction(_prev: ActionState, form: FormData) {
  return runAction(form, RuleInput, async (ctx, input) => {
    const rule = await saveRule(ctx, input)
    refresh(ctx)
    return { name: rule.name }
  })
}

export async function moveRuleAction(_prev: ActionState, form: FormData) {
  return runAction(form, MoveRuleInput, async (ctx, input) => {
    await moveRule(ctx, input)
    refresh(ctx)
  })
}

export async function deleteRuleAction(_prev: ActionState, form: FormData) {
  return runAction(form, RuleRefInput, async (ctx, input) => {
    await deleteRule(ctx, input)
    refresh(ctx)
  })
}

/** Read-only: the preview changes nothing, so nothing is revalidated. */
export async function previewRouteAction(_prev: ActionState<RoutePreview>, form: FormData): Promise<ActionState<RoutePreview>> {
  return runAction(form, RoutePreviewInput, (ctx, input) => previewRoute(ctx, input))
}
