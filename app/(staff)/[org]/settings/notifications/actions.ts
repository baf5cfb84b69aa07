'use server'
import { revalidatePath } from 'next/cache'
import { runAction } from '@/lib/actions/run-action'
import type { ActionState } from '@/lib/actions/state'
import { saveEventNotification, saveInboundSettings, saveNotificationGeneral } from '@/lib/notifications'
import { EventNotificationInput, InboundSettingsInput, NotificationGeneralInput } from '@/lib/notifications/org-settings'

export async function saveEventNotificationAction(_prev: ActionState, form: FormData) {
  return runAction(form, EventNotificationInput, async (ctx, input) => {
    await saveEventNotification(ctx, input)
    revalidatePath(`/${ctx.org.slug}/settings/notifications`)
  })
}

export async function saveNotificationGeneralAction(_prev: ActionState, form: FormData) {
  return runAction(form, NotificationGeneralInput, async (ctx, input) => {
    await saveNotificationGeneral(ctx, input)
    revalidatePath(`/${ctx.org.slug}/settings/notifications`)
  })
}

export async function saveInboundSettingsAction(_prev: ActionState, form: FormData) {
  return runAction(form, InboundSettingsInput, async (ctx, input) => {
    await saveInboundSettings(ctx, input)
    revalidatePath(`/${ctx.org.slug}/settings/notifications`)
  })
}
