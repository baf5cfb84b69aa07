import 'server-only'
import { and, count, eq, sql } from 'drizzle-orm'
import { z } from 'zod'
import { organizations, webhookEndpoints, type OrgSettings } from '@/db/schema'
import { notificationEvents, type OrgNotificationSettings } from '@/db/enums'
import type { DbOrTx } from '@/db/client'
import type { Ctx } from '@/lib/auth/ctx-type'
import { authorize } from '@/lib/authz/can'
import { diff, recordAudit } from '@/lib/audit/record'
import { dbFor, withTx } from '@/lib/db/tx'
import { NotFoundError } from '@/lib/errors'
import { EventNotificationInput, eventAudiences, eventSetting, NotificationGeneralInput } from './org-settings'

/** The org's settings row, locked: two admins saving different events must not lose each other's change. */
export async function lockedSettings(tx: DbOrTx, orgId: string): Promise<OrgSettings> {
  const [org] = await tx.select({ settings: organizations.settings }).from(organizations).where(eq(organizations.id, orgId)).for('update')
  if (!org) throw new NotFoundError()
  return org.settings
}

/** Merges top-level keys into the settings jsonb (other settings, e.g. the search language, stay as they are). */
export const mergeSettings = (tx: DbOrTx, orgId: string, patch: Partial<OrgSettings>) =>
  tx.update(organizations).set({ settings: sql`${organizations.settings} || ${JSON.stringify(patch)}::jsonb` }).where(eq(organizations.id, orgId))

/** Every event's effective setting, auto-close days and the SMS channel, for settings → notifications. */
export async function getNotificationSettings(ctx: Ctx) {
  authorize(ctx, 'settings:manage')
  const db = await dbFor(ctx)
  const [[org], [hooks]] = await Promise.all([
    db.select({ settings: organizations.settings }).from(organizations).where(eq(organizations.id, ctx.org.id)),
    db.select({ n: count() }).from(webhookEndpoints).where(and(eq(webhookEndpoints.organizationId, ctx.org.id), eq(webhookEndpoints.active, true))),
  ])
  return {
    events: notificationEvents.map((event) => ({ event, ...eventSetting(org.settings, event), audiences: eventAudiences[event] })),
    autoCloseDays: org.settings.autoCloseDays ?? 7,
    smsWebhook: !!org.settings.notifications?.smsWebhook,
    activeWebhooks: hooks.n,
  }
}

/**
 * One event's switches and templates. Templates were checked for unknown placeholders by
 * the schema; switches the event does not offer (a requester for SLA events) are not stored.
 */
export async function saveEventNotification(ctx: Ctx, raw: z.input<typeof EventNotificationInput>) {
  authorize(ctx, 'settings:manage')
  const input = EventNotificationInput.parse(raw)
  return withTx(ctx, async (tx) => {
    const settings = await lockedSettings(tx, ctx.org.id)
    const before = eventSetting(settings, input.event)
    const offered = eventAudiences[input.event]
    const next = {
      enabled: input.enabled,
      requester: offered.includes('requester') ? input.requester : before.requester,
      assignee: offered.includes('assignee') ? input.assignee : before.assignee,
      subject: input.subject || null,
      body: input.body || null,
    }
    const changes = diff(before as Record<string, unknown>, next)
    if (Object.keys(changes).length === 0) return { changed: false }
    const notifications: OrgNotificationSettings = {
      ...settings.notifications,
      events: { ...settings.notifications?.events, [input.event]: { ...next, subject: next.subject ?? undefined, body: next.body ?? undefined } },
    }
    await mergeSettings(tx, ctx.org.id, { notifications })
    await recordAudit(tx, ctx, { entityType: 'organization', entityId: ctx.org.id, action: 'notification_setting.updated', changes: { event: [input.event, input.event], ...changes } })
    return { changed: true }
  })
}

/** Auto-close days (§4; 0 = never) and the SMS/WhatsApp webhook channel. */
export async function saveNotificationGeneral(ctx: Ctx, raw: z.input<typeof NotificationGeneralInput>) {
  authorize(ctx, 'settings:manage')
  const input = NotificationGeneralInput.parse(raw)
  return withTx(ctx, async (tx) => {
    const settings = await lockedSettings(tx, ctx.org.id)
    const before = { autoCloseDays: settings.autoCloseDays ?? 7, smsWebhook: !!settings.notifications?.smsWebhook }
    const changes = diff(before, input)
    if (Object.keys(changes).length === 0) return { changed: false }
    await mergeSettings(tx, ctx.org.id, { autoCloseDays: input.autoCloseDays, notifications: { ...settings.notifications, smsWebhook: input.smsWebhook } })
    await recordAudit(tx, ctx, { entityType: 'organization', entityId: ctx.org.id, action: 'notification_setting.updated', changes })
    return { changed: true }
  })
}
