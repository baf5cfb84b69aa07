import 'server-only'
import { and, asc, eq, ne, sql } from 'drizzle-orm'
import { z } from 'zod'
import { categories, slaCalendars, slaPolicies } from '@/db/schema'
import type { DbOrTx } from '@/db/client'
import { dbFor, withTx } from '@/lib/db/tx'
import type { Ctx } from '@/lib/auth/ctx-type'
import { authorize } from '@/lib/authz/can'
import { diff, recordAudit } from '@/lib/audit/record'
import { ConflictError, NotFoundError, ValidationError } from '@/lib/errors'
import { CalendarSchema, type Calendar } from './calendar'
import { loadCalendar } from './internal/recompute'
import { SlaPolicyInput, SlaPolicyRef } from './schemas'

export async function listPolicies(ctx: Ctx) {
  authorize(ctx, 'settings:manage')
  const db = await dbFor(ctx)
  return db.select({ p: slaPolicies, category: categories.name }).from(slaPolicies)
    .leftJoin(categories, and(eq(categories.organizationId, slaPolicies.organizationId), eq(categories.id, slaPolicies.categoryId)))
    .where(eq(slaPolicies.organizationId, ctx.org.id))
    .orderBy(sql`${slaPolicies.categoryId} is not null`, asc(categories.name), asc(slaPolicies.priority))
    .then((rows) => rows.map((r) => ({ ...r.p, category: r.category })))
}

async function scopeTaken(tx: DbOrTx, ctx: Ctx, p: z.output<typeof SlaPolicyInput>) {
  const [row] = await tx.select({ id: slaPolicies.id }).from(slaPolicies).where(and(
    eq(slaPolicies.organizationId, ctx.org.id), eq(slaPolicies.priority, p.priority),
    p.categoryId ? eq(slaPolicies.categoryId, p.categoryId) : sql`${slaPolicies.categoryId} is null`,
    p.id ? ne(slaPolicies.id, p.id) : undefined,
  ))
  return !!row
}

/**
 * Creates or edits a policy (§5). Tickets keep the deadlines they were given; a policy
 * change applies to tickets created, re-prioritised or re-categorised afterwards.
 */
export async function savePolicy(ctx: Ctx, raw: z.input<typeof SlaPolicyInput>) {
  authorize(ctx, 'settings:manage')
  const input = SlaPolicyInput.parse(raw)
  return withTx(ctx, async (tx) => {
    if (input.categoryId) {
      const [cat] = await tx.select().from(categories).where(and(eq(categories.organizationId, ctx.org.id), eq(categories.id, input.categoryId)))
      if (!cat) throw new ValidationError('Unknown category', { categoryId: ['Choose one of the listed categories'] })
    }
    if (await scopeTaken(tx, ctx, input)) {
      throw new ConflictError('Duplicate policy', { priority: ['There is already a policy for this priority and category; edit that one instead'] })
    }
    const values = {
      priority: input.priority, categoryId: input.categoryId ?? null, responseMinutes: input.responseMinutes,
      resolutionMinutes: input.resolutionMinutes, businessHours: input.businessHours, active: input.active,
    }
    if (input.id) {
      const [before] = await tx.select().from(slaPolicies).where(and(eq(slaPolicies.organizationId, ctx.org.id), eq(slaPolicies.id, input.id))).for('update')
      if (!before) throw new NotFoundError('That policy was not found')
      await tx.update(slaPolicies).set({ ...values, updatedAt: new Date() }).where(and(eq(slaPolicies.organizationId, ctx.org.id), eq(slaPolicies.id, input.id)))
      await recordAudit(tx, ctx, { entityType: 'sla_policy', entityId: input.id, action: 'sla_policy.updated', changes: diff(before, values) })
      return { id: input.id }
    }
    const [row] = await tx.insert(slaPolicies).values({ organizationId: ctx.org.id, ...values }).returning({ id: slaPolicies.id })
    await recordAudit(tx, ctx, { entityType: 'sla_policy', entityId: row.id, action: 'sla_policy.created', changes: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, [null, v]])) })
    return row
  })
}

export async function deletePolicy(ctx: Ctx, raw: z.input<typeof SlaPolicyRef>) {
  authorize(ctx, 'settings:manage')
  const { id } = SlaPolicyRef.parse(raw)
  await withTx(ctx, async (tx) => {
    const [row] = await tx.delete(slaPolicies).where(and(eq(slaPolicies.organizationId, ctx.org.id), eq(slaPolicies.id, id))).returning()
    if (!row) throw new NotFoundError('That policy was not found')
    await recordAudit(tx, ctx, { entityType: 'sla_policy', entityId: id, action: 'sla_policy.deleted', changes: { priority: [row.priority, null] } })
  })
}

export async function getCalendar(ctx: Ctx): Promise<Calendar> {
  authorize(ctx, 'settings:manage')
  return loadCalendar(await dbFor(ctx), ctx.org)
}

/** Saves the org's business calendar; affects deadlines computed from now on. */
export async function saveCalendar(ctx: Ctx, raw: unknown) {
  authorize(ctx, 'settings:manage')
  const cal = CalendarSchema.parse(raw)
  await withTx(ctx, async (tx) => {
    const before = await loadCalendar(tx, ctx.org)
    const holidayNames = Object.fromEntries(cal.holidays.map((d, i) => [d, cal.holidayNames?.[i] ?? before.holidayNames?.[before.holidays.indexOf(d)] ?? '']).filter(([, n]) => n))
    const values = { timeZone: cal.timeZone, weekly: cal.weekly.map((d) => d.map(([a, b]) => [a, b] as [string, string])), holidays: [...cal.holidays], holidayNames, updatedAt: new Date() }
    await tx.insert(slaCalendars).values({ organizationId: ctx.org.id, ...values })
      .onConflictDoUpdate({ target: slaCalendars.organizationId, set: values })
    await recordAudit(tx, ctx, { entityType: 'sla_calendar', entityId: ctx.org.id, action: 'sla_calendar.updated', changes: diff(
      { timeZone: before.timeZone, weekly: before.weekly, holidays: before.holidays, holidayNames: Object.fromEntries(before.holidays.map((d, i) => [d, before.holidayNames?.[i] ?? '']).filter(([, n]) => n)) },
      { timeZone: values.timeZone, weekly: values.weekly, holidays: values.holidays, holidayNames: values.holidayNames }) })
  })
}
