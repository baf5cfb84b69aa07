'use server'
import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { runAction } from '@/lib/actions/run-action'
import type { ActionState } from '@/lib/actions/state'
import { viewerTimeZone } from '@/lib/pages/guard'
import { bulkUpdate } from '@/lib/tickets'
import type { BulkResult } from '@/lib/tickets/bulk-schemas'

/** The bulk bar sends its request as JSON in one field; bulkUpdate validates it (zod) on arrival. */
const BulkForm = z.object({
  payload: z.string().max(200_000, 'The selection is too large').transform((s, c) => {
    try {
      return JSON.parse(s) as unknown
    } catch {
      c.addIssue({ code: 'custom', message: 'The request was malformed; reload the page and try again' })
      return z.NEVER
    }
  }),
})

export async function bulkUpdateAction(_prev: ActionState, form: FormData): Promise<ActionState<BulkResult>> {
  return runAction(form, BulkForm, async (ctx, { payload }) => {
    // "All matching" resolves the list's filters, whose dates are days in the viewer's zone.
    const result = await bulkUpdate(ctx, payload as Parameters<typeof bulkUpdate>[1], { timeZone: await viewerTimeZone(ctx) })
    if (result.applied > 0) revalidatePath(`/${ctx.org.slug}`, 'layout')
    return result
  })
}
