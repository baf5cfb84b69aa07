import 'server-only'
import { createHmac } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { webhookEndpoints } from '@/db/schema'
import type { Db } from '@/db/client'
import type { JobRow } from '@/lib/jobs/runner'
import { postToWebhook } from './webhook-post'

export const SIGNATURE_HEADER = 'X-Helpdesk-Signature'

/** `sha256=<hex HMAC of the raw body>`, as receivers of GitHub-style webhooks expect. */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`
}

/**
 * The webhook queue's handler: POSTs the signed JSON; anything but 2xx is retried. The
 * error it throws becomes the delivery's "last error" on the admin's page (see webhook-post).
 */
export async function deliverWebhook(job: JobRow, db: Db) {
  const { endpointId, ...event } = job.payload as { endpointId: string } & Record<string, unknown>
  const [endpoint] = await db.select().from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.organizationId, job.organizationId!), eq(webhookEndpoints.id, endpointId)))
  if (!endpoint || !endpoint.active) return // removed or switched off since: nothing to deliver
  const body = JSON.stringify({ id: job.id, ...event })
  await postToWebhook(endpoint.url, {
    headers: {
      'Content-Type': 'application/json', 'User-Agent': 'helpdesk-webhooks/1',
      'X-Helpdesk-Event': String(event.event), 'X-Helpdesk-Delivery': job.id, [SIGNATURE_HEADER]: signBody(endpoint.secret, body),
    },
    body,
  })
}
