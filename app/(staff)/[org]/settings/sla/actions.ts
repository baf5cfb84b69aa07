'use server'
import { revalidatePath } from 'next/cache'
import { getTranslations } from 'next-intl/server'
import { z } from 'zod'
import type { Ctx } from '@/lib/auth/ctx'
import { runAction } from '@/lib/actions/run-action'
import type { ActionState } from '@/lib/actions/state'
import { deletePolicy, saveCalendar, savePolicy } from '@/lib/sla'
import { SlaPolicyInput, SlaPolicyRef } from '@/lib/sla/schemas'

// Policy and calendar changes are audited, so the whole settings area is refreshed.
const refresh = (ctx: Ctx) => revalidatePath(`/${ctx.org.slug}/settings`, 'layout')

export async function savePolicyAction(_prev: ActionState, form: FormData) {
  return runAction(form, SlaPolicyInput, async (ctx, input) => {
    await savePolicy(ctx, input)
    refresh(ctx)
  })
}

export async function deletePolicyAction(_prev: ActionState, form: FormData) {
  return runAction(form, SlaPolicyRef, async (ctx, input) => {
    await deletePolicy(ctx, input)
    refresh(ctx)
  })
}

/**
 * The calendar is nested (weekdays → intervals), so the form posts it as one JSON field;
 * `saveCalendar` parses it with CalendarSchema, whose errors come back at paths like
 * `weekly.1.0` for the form to show beside that row.
 */
const calendarPost = (unreadable: string) => z.object({
  calendar: z.string().transform((s, c) => {
    try { return JSON.parse(s) as unknown } catch { c.addIssue({ code: 'custom', message: unreadable }); return z.NEVER }
  }),
})

export async function saveCalendarAction(_prev: ActionState, form: FormData) {
  const t = await getTranslations('settings.slaActions')
  return runAction(form, calendarPost(t('unreadable')), async (ctx, input) => {
    await saveCalendar(ctx, input.calendar)
    refresh(ctx)
  })
}
