import 'server-only'
import type { Ctx } from '@/lib/auth/ctx-type'
import { authorize } from '@/lib/authz/can'
import { countTickets } from '@/lib/tickets/list-tickets'
import { QUEUE_COUNT_CAP } from '@/lib/tickets/queues'
import type { View } from './list-views'

/**
 * Each view's badge: its query over the viewer's visible tickets, capped like the queue
 * badges ("99+"), so a badge costs at most cap + 1 matching rows. The query never widens
 * `visibleTickets`: a shared view counts for each person only what they may see.
 */
export async function viewCounts(ctx: Ctx, views: Pick<View, 'id' | 'query'>[], opts: { timeZone?: string } = {}): Promise<Map<string, number>> {
  authorize(ctx, 'ticket:work')
  const counts = await Promise.all(views.map((v) => countTickets(ctx, { q: v.query }, { cap: QUEUE_COUNT_CAP, timeZone: opts.timeZone })))
  return new Map(views.map((v, i) => [v.id, counts[i]!]))
}
