import 'server-only'
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import { organizations } from '@/db/schema'
import type { Ctx } from '@/lib/auth/ctx-type'
import { authorize } from '@/lib/authz/can'
import { diff, recordAudit } from '@/lib/audit/record'
import { dbFor, withTx } from '@/lib/db/tx'
import { inboundDomain } from '@/lib/inbound/policy'
import { lockedSettings, mergeSettings } from './org-notifications'
import { InboundSettingsInput } from './org-settings'

/**
 * Where the org receives mail (`<slug>@INBOUND_DOMAIN`, as lib/inbound/receive-mail resolves
 * it; `+<number>` addresses a reply to one ticket) and what happens to mail from strangers.
 */
export async function getInboundSettings(ctx: Ctx) {
  authorize(ctx, 'settings:manage')
  const db = await dbFor(ctx)
  const [org] = await db.select({ settings: organizations.settings }).from(organizations).where(eq(organizations.id, ctx.org.id))
  const domain = inboundDomain()
  return {
    address: `${ctx.org.slug}@${domain}`,
    replyAddress: `${ctx.org.slug}+<ticket number>@${domain}`,
    unknownSenders: org.settings.inboundUnknownSenders ?? 'refuse',
  }
}

/** The unknown-senders policy: refuse mail from non-members (the default), or make them requesters. */
export async function saveInboundSettings(ctx: Ctx, raw: z.input<typeof InboundSettingsInput>) {
  authorize(ctx, 'settings:manage')
  const input = InboundSettingsInput.parse(raw)
  return withTx(ctx, async (tx) => {
    const settings = await lockedSettings(tx, ctx.org.id)
    const changes = diff({ unknownSenders: settings.inboundUnknownSenders ?? 'refuse' }, input)
    if (Object.keys(changes).length === 0) return { changed: false }
    await mergeSettings(tx, ctx.org.id, { inboundUnknownSenders: input.unknownSenders })
    await recordAudit(tx, ctx, { entityType: 'organization', entityId: ctx.org.id, action: 'inbound_setting.updated', changes })
    return { changed: true }
  })
}
