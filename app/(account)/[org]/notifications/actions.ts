'use server'
import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import type { Ctx } from '@/lib/auth/ctx'
import { runAction } from '@/lib/actions/run-action'
import type { ActionState } from '@/lib/actions/state'
import { markAllRead, markRead, savePreferences } from '@/lib/notifications'
import { NotificationRefInput, PreferencesInput } from '@/lib/notifications/schemas'

// The bell sits in the header of every page of the org, so refresh them all.
const refresh = (ctx: Ctx) => revalidatePath(`/${ctx.org.slug}`, 'layout')

export async function markReadAction(_prev: ActionState, form: FormData) {
  return runAction(form, NotificationRefInput, async (ctx, input) => {
    await markRead(ctx, input)
    refresh(ctx)
  })
}

export async function markAllReadAction(_prev: ActionState, form: FormData) {
  return runAction(form, z.object({}), async (ctx) => {
    const n = await markAllRead(ctx)
    refresh(ctx)
    return { marked: n }
  })
}

/**
 * The preferences table posts one `event` per row and a box named `email` / `inApp`
 * whose value is the event, so it works as a plain HTML form (no dotted names to
 * expand). An absent box means "off"; the domain's schema then validates the result.
 */
const PreferencesForm = z.preprocess((raw) => {
  const r = (raw ?? {}) as Record<string, unknown>
  const list = (v: unknown) => (Array.isArray(v) ? v : typeof v === 'string' ? [v] : []) as string[]
  const email = new Set(list(r.email))
  const inApp = new Set(list(r.inApp))
  return { prefs: [...new Set(list(r.event))].map((event) => ({ event, email: email.has(event), inApp: inApp.has(event) })) }
}, PreferencesInput)

export async function savePreferencesAction(_prev: ActionState, form: FormData) {
  return runAction(form, PreferencesForm, async (ctx, input) => {
    await savePreferences(ctx, input)
    revalidatePath(`/${ctx.org.slug}/preferences`)
  })
}
