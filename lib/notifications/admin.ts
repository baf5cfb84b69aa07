import 'server-only'
import { dbFor, withTx } from '@/lib/db/tx'
import { randomBytes } from 'node:crypto'
import { and, desc, eq, inArray, lt } from 'drizzle-orm'
import { z } from 'zod'
import { jobs, mailMessages, webhookEndpoints } from '@/db/schema'
import type { Ctx } from '@/lib/auth/ctx-type'
import { authorize } from '@/lib/authz/can'
import { recordAudit } from '@/lib/audit/record'
import { NotFoundError, ValidationError } from '@/lib/errors'
import { signalJobs } from '@/lib/jobs/signal'
import { JobRefInput, WebhookInput, WebhookRefInput } from './schemas'
import { webhookTargetProblem } from './webhook-target'

/** Mail the org's notifications produced, newest first (sent, or kept when no SMTP is set). */
export async function listMail(ctx: Ctx, opts: { before?: string } = {}) {
  authorize(ctx, 'settings:manage')
  const db = await dbFor(ctx)
  const before = opts.before && !Number.isNaN(Date.parse(opts.before)) ? new Date(opts.before) : null
  const rows = await db.select().from(mailMessages)
    .where(and(eq(mailMessages.organizationId, ctx.org.id), before ? lt(mailMessages.createdAt, before) : undefined))
    .orderBy(desc(mailMessages.createdAt)).limit(26)
  return { rows: rows.slice(0, 25), older: rows.length > 25 ? rows[24].createdAt.toISOString() : null, smtp: !!process.env.SMTP_URL }
}

/** Deliveries still trying (with their last error) and dead letters, for the admin's queue page. */
export async function listDeliveries(ctx: Ctx) {
  authorize(ctx, 'settings:manage')
  const db = await dbFor(ctx)
  return db.select({
    id: jobs.id, queue: jobs.queue, status: jobs.status, attempts: jobs.attempts, maxAttempts: jobs.maxAttempts,
    runAt: jobs.runAt, lastError: jobs.lastError, createdAt: jobs.createdAt, payload: jobs.payload,
  }).from(jobs)
    .where(and(eq(jobs.organizationId, ctx.org.id), inArray(jobs.status, ['pending', 'running', 'dead'])))
    .orderBy(desc(jobs.createdAt)).limit(100)
}

/** Gives a dead (or waiting) delivery a fresh set of attempts, now. */
export async function retryDelivery(ctx: Ctx, raw: z.input<typeof JobRefInput>) {
  authorize(ctx, 'settings:manage')
  const { id } = JobRefInput.parse(raw)
  await withTx(ctx, async (tx) => {
    const [job] = await tx.update(jobs).set({ status: 'pending', attempts: 0, runAt: new Date(), lastError: null, finishedAt: null })
      .where(and(eq(jobs.organizationId, ctx.org.id), eq(jobs.id, id), inArray(jobs.status, ['dead', 'pending'])))
      .returning({ id: jobs.id, queue: jobs.queue })
    if (!job) throw new NotFoundError('That delivery was not found or is already being sent')
    await recordAudit(tx, ctx, { entityType: 'job', entityId: job.id, action: 'delivery.retried', changes: { queue: [null, job.queue] } })
  })
  signalJobs()
}

export async function listWebhooks(ctx: Ctx) {
  authorize(ctx, 'settings:manage')
  const db = await dbFor(ctx)
  return db.select({ id: webhookEndpoints.id, url: webhookEndpoints.url, active: webhookEndpoints.active, createdAt: webhookEndpoints.createdAt })
    .from(webhookEndpoints).where(eq(webhookEndpoints.organizationId, ctx.org.id)).orderBy(desc(webhookEndpoints.createdAt))
}

export const newWebhookSecret = () => randomBytes(24).toString('base64url')

export async function addWebhook(ctx: Ctx, raw: z.input<typeof WebhookInput>) {
  authorize(ctx, 'settings:manage')
  const input = WebhookInput.parse(raw)
  // Resolved before the transaction opens: DNS can be slow. Deliveries check again at connect time.
  const problem = await webhookTargetProblem(input.url)
  if (problem) throw new ValidationError('Please correct the highlighted fields.', { url: [problem] })
  return withTx(ctx, async (tx) => {
    const [hook] = await tx.insert(webhookEndpoints).values({ organizationId: ctx.org.id, url: input.url, secret: input.secret }).returning()
    // The secret itself never goes into the audit log.
    await recordAudit(tx, ctx, { entityType: 'webhook', entityId: hook.id, action: 'webhook.added', changes: { url: [null, input.url] } })
    return { id: hook.id }
  })
}

export async function removeWebhook(ctx: Ctx, raw: z.input<typeof WebhookRefInput>) {
  authorize(ctx, 'settings:manage')
  const { id } = WebhookRefInput.parse(raw)
  await withTx(ctx, async (tx) => {
    const [hook] = await tx.delete(webhookEndpoints)
      .where(and(eq(webhookEndpoints.organizationId, ctx.org.id), eq(webhookEndpoints.id, id))).returning()
    if (!hook) throw new NotFoundError('That webhook was not found')
    await recordAudit(tx, ctx, { entityType: 'webhook', entityId: hook.id, action: 'webhook.removed', changes: { url: [hook.url, null] } })
  })
}
