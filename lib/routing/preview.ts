import 'server-only'
import { z } from 'zod'
import { getDb } from '@/db/client'
import type { Ctx } from '@/lib/auth/ctx-type'
import { authorize } from '@/lib/authz/can'
import { categorySensitive, loadRouting } from './load'
import { pickRoute } from './match'
import { RoutePreviewInput } from './schemas'

/**
 * The rule editor's "which rule would match this ticket?": the saved rules run through the
 * same `pickRoute` that routes real tickets, for a ticket that is only described.
 */
export async function previewRoute(ctx: Ctx, raw: z.input<typeof RoutePreviewInput>) {
  authorize(ctx, 'settings:manage')
  const input = RoutePreviewInput.parse(raw)
  const db = await getDb()
  const [{ rules, teams }, sensitive] = await Promise.all([loadRouting(db, ctx.org.id), categorySensitive(db, ctx.org.id, input.categoryId)])
  const d = pickRoute(rules, teams, {
    title: input.title, description: input.description, categoryId: input.categoryId ?? null, priority: input.priority,
    requesterEmail: input.requesterEmail ?? null, sensitive,
  })
  const position = new Map(rules.map((r, i) => [r.id, i + 1]))
  return {
    sensitive,
    via: d.via,
    rule: d.rule ? { id: d.rule.id, name: d.rule.name, position: position.get(d.rule.id)! } : null,
    team: d.team ? { id: d.team.id, name: d.team.name, restricted: d.team.restricted } : null,
    evaluations: d.evaluations.map((e) => ({ ...e, position: position.get(e.ruleId)!, name: rules.find((r) => r.id === e.ruleId)!.name })),
  }
}
export type RoutePreview = Awaited<ReturnType<typeof previewRoute>>
