import 'server-only'
import { and, eq } from 'drizzle-orm'
import type { z } from 'zod'
import { listPreferences } from '@/db/schema'
import { dbFor, withTx } from '@/lib/db/tx'
import type { Ctx } from '@/lib/auth/ctx-type'
import { authorize } from '@/lib/authz/can'
import { defaultListColumns, listColumnIds, SaveListColumnsInput, type ListColumnId } from './schemas'

/** The optional columns this person shows on the ticket list, in this organisation. */
export async function listColumns(ctx: Ctx): Promise<ListColumnId[]> {
  authorize(ctx, 'ticket:work')
  const db = await dbFor(ctx)
  const [row] = await db.select({ columns: listPreferences.columns }).from(listPreferences)
    .where(and(eq(listPreferences.organizationId, ctx.org.id), eq(listPreferences.userId, ctx.user.id)))
  // A column since retired from the whitelist is dropped rather than trusted.
  return row ? listColumnIds.filter((c) => row.columns.includes(c)) : [...defaultListColumns]
}

/** Remembers the column choice (per person per organisation); only whitelisted columns. */
export async function saveListColumns(ctx: Ctx, raw: z.input<typeof SaveListColumnsInput>['columns']) {
  authorize(ctx, 'ticket:work')
  const { columns } = SaveListColumnsInput.parse({ columns: raw })
  await withTx(ctx, async (tx) => {
    await tx.insert(listPreferences).values({ organizationId: ctx.org.id, userId: ctx.user.id, columns })
      .onConflictDoUpdate({ target: [listPreferences.organizationId, listPreferences.userId], set: { columns, updatedAt: new Date() } })
  })
  return columns
}
