import 'server-only'
import { and, eq, isNull, sum } from 'drizzle-orm'
import { attachments } from '@/db/schema'
import type { DbOrTx } from '@/db/client'

/** Bytes of the live attachments on a ticket, for the per-ticket limit. */
export async function ticketBytes(tx: DbOrTx, orgId: string, ticketId: string): Promise<number> {
  const [row] = await tx.select({ total: sum(attachments.size) }).from(attachments)
    .where(and(eq(attachments.organizationId, orgId), eq(attachments.ticketId, ticketId), isNull(attachments.deletedAt)))
  return Number(row?.total ?? 0)
}
