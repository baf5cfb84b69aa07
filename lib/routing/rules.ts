import 'server-only'
import { and, asc, eq, max } from 'drizzle-orm'
import { z } from 'zod'
import { categories, routingRules, teams } from '@/db/schema'
import type { DbOrTx } from '@/db/client'
import { dbFor, withTx } from '@/lib/db/tx'
import type { Ctx } from '@/lib/auth/ctx-type'
import { authorize } from '@/lib/authz/can'
import { diff, recordAudit } from '@/lib/audit/record'
import { NotFoundError, ValidationError } from '@/lib/errors'
import { MoveRuleInput, RuleInput, RuleRefInput } from './schemas'

/** The org's rules in routing order, with their team and category names (one query). */
export async function listRules(ctx: Ctx) {
  authorize(ctx, 'settings:manage')
  const db = await dbFor(ctx)
  return db.select({
    rule: routingRules, team: teams.name, teamRestricted: teams.restricted, category: categories.name,
  }).from(routingRules)
    .innerJoin(teams, and(eq(teams.organizationId, routingRules.organizationId), eq(teams.id, routingRules.teamId)))
    .leftJoin(categories, and(eq(categories.organizationId, routingRules.organizationId), eq(categories.id, routingRules.categoryId)))
    .where(eq(routingRules.organizationId, ctx.org.id))
    .orderBy(asc(routingRules.position), asc(routingRules.createdAt), asc(routingRules.id))
}

async function checkRefs(tx: DbOrTx, orgId: string, input: z.output<typeof RuleInput>) {
  const errors: Record<string, string[]> = {}
  const [team] = await tx.select({ id: teams.id }).from(teams).where(and(eq(teams.organizationId, orgId), eq(teams.id, input.teamId)))
  if (!team) errors.teamId = ['Choose a team of this organisation']
  if (input.categoryId) {
    const [cat] = await tx.select({ id: categories.id }).from(categories).where(and(eq(categories.organizationId, orgId), eq(categories.id, input.categoryId)))
    if (!cat) errors.categoryId = ['Choose one of the listed categories']
  }
  if (Object.keys(errors).length) throw new ValidationError('Please correct the highlighted fields.', errors)
}

async function loadRule(tx: DbOrTx, orgId: string, ruleId: string) {
  const [rule] = await tx.select().from(routingRules).where(and(eq(routingRules.organizationId, orgId), eq(routingRules.id, ruleId))).for('update')
  if (!rule) throw new NotFoundError('That routing rule was not found')
  return rule
}

/** Creates a rule (at the end of the list) or edits one; admins only, audited. */
export async function saveRule(ctx: Ctx, raw: z.input<typeof RuleInput>) {
  authorize(ctx, 'settings:manage')
  const input = RuleInput.parse(raw)
  return withTx(ctx, async (tx) => {
    await checkRefs(tx, ctx.org.id, input)
    const fields = {
      name: input.name, teamId: input.teamId, categoryId: input.categoryId ?? null, priorities: input.priorities,
      keywords: input.keywords, requesterDomains: input.requesterDomains, active: input.active,
    }
    if (input.ruleId) {
      const rule = await loadRule(tx, ctx.org.id, input.ruleId)
      const changes = diff(rule, fields)
      if (Object.keys(changes).length === 0) return rule
      const [updated] = await tx.update(routingRules).set({ ...fields, updatedAt: new Date() })
        .where(and(eq(routingRules.organizationId, ctx.org.id), eq(routingRules.id, rule.id))).returning()
      await recordAudit(tx, ctx, { entityType: 'routing_rule', entityId: rule.id, action: 'routing_rule.updated', changes })
      return updated
    }
    const [last] = await tx.select({ n: max(routingRules.position) }).from(routingRules).where(eq(routingRules.organizationId, ctx.org.id))
    const [created] = await tx.insert(routingRules).values({ organizationId: ctx.org.id, position: (last?.n ?? 0) + 1, ...fields }).returning()
    await recordAudit(tx, ctx, {
      entityType: 'routing_rule', entityId: created.id, action: 'routing_rule.created',
      changes: Object.fromEntries(Object.entries({ ...fields, position: created.position }).map(([k, v]) => [k, [null, v]])),
    })
    return created
  })
}

export async function deleteRule(ctx: Ctx, raw: z.input<typeof RuleRefInput>) {
  authorize(ctx, 'settings:manage')
  const input = RuleRefInput.parse(raw)
  return withTx(ctx, async (tx) => {
    const rule = await loadRule(tx, ctx.org.id, input.ruleId)
    await tx.delete(routingRules).where(and(eq(routingRules.organizationId, ctx.org.id), eq(routingRules.id, rule.id)))
    await recordAudit(tx, ctx, { entityType: 'routing_rule', entityId: rule.id, action: 'routing_rule.deleted', changes: { name: [rule.name, null], teamId: [rule.teamId, null] } })
  })
}

/**
 * Moves a rule one place up or down. All the org's rules are locked and renumbered 1…n,
 * so two admins reordering at once queue up instead of producing duplicate positions.
 */
export async function moveRule(ctx: Ctx, raw: z.input<typeof MoveRuleInput>) {
  authorize(ctx, 'settings:manage')
  const input = MoveRuleInput.parse(raw)
  return withTx(ctx, async (tx) => {
    const rules = await tx.select({ id: routingRules.id, position: routingRules.position }).from(routingRules)
      .where(eq(routingRules.organizationId, ctx.org.id))
      .orderBy(asc(routingRules.position), asc(routingRules.createdAt), asc(routingRules.id)).for('update')
    const i = rules.findIndex((r) => r.id === input.ruleId)
    if (i < 0) throw new NotFoundError('That routing rule was not found')
    const j = input.direction === 'up' ? i - 1 : i + 1
    if (j < 0 || j >= rules.length) return
    const order = rules.map((r) => r.id)
    ;[order[i], order[j]] = [order[j], order[i]]
    for (const [k, id] of order.entries()) {
      const before = rules.find((r) => r.id === id)!.position
      if (before !== k + 1) {
        await tx.update(routingRules).set({ position: k + 1 }).where(and(eq(routingRules.organizationId, ctx.org.id), eq(routingRules.id, id)))
      }
    }
    await recordAudit(tx, ctx, { entityType: 'routing_rule', entityId: input.ruleId, action: 'routing_rule.moved', changes: { position: [i + 1, j + 1] } })
  })
}
