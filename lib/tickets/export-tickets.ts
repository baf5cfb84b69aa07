import 'server-only'
import { and, eq, sql, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { z } from 'zod'
import { categories, teams, tickets, users } from '@/db/schema'
import { dbFor, withTx } from '@/lib/db/tx'
import type { Ctx } from '@/lib/auth/ctx-type'
import { authorize } from '@/lib/authz/can'
import { isStaffRole } from '@/lib/authz/permissions'
import { recordAudit } from '@/lib/audit/record'
import { ForbiddenError } from '@/lib/errors'
import { CSV_BOM, csvLine } from '@/lib/format/csv'
import { dayInZone, isoInZone } from '@/lib/format/iso-in-zone'
import { slaDueSql, slaStatusSql } from '@/lib/sla/status-sql'
import { ExportColumnsInput, exportColumns, type ExportColumn } from './export-columns'
import { listOrder, ticketFilters, type Cursor } from './list-tickets'
import { TicketListQuery } from './schemas'
import { statusLabels } from './workflow'

/** Rows fetched per query: enough to keep the database busy, few enough to hold in memory. */
export const EXPORT_PAGE = 1_000
/**
 * Sorts no index serves (title, status, priority, the names) make the database sort every
 * match for each page, so those exports take pages ten times larger: a tenth of the sorts
 * (119,000 tickets by title at 1M: 193 s → see the README), still only ~2 MB held at once.
 */
export const EXPORT_PAGE_UNINDEXED = 10_000
const indexedSorts: ReadonlySet<string> = new Set(['number', 'created', 'updated', 'due'])

const ExportInput = z.object({
  /** The list's URL state with its sort; its cursor and the deleted view do not apply to an export. */
  query: z.record(z.union([z.string(), z.array(z.string())])).default({}),
  columns: ExportColumnsInput,
})

const requester = alias(users, 'requester')
const assignee = alias(users, 'assignee')
const words = (v: string) => v.charAt(0).toUpperCase() + v.slice(1).replace(/_/g, ' ')

type Row = Awaited<ReturnType<typeof selectPage>>[number]

type Order = ReturnType<typeof listOrder>

function selectPage(ctx: Ctx, where: SQL, order: Order, after: Cursor | null, withDescription: boolean, size: number) {
  return dbFor(ctx).then((db) => db.select({
    number: tickets.number, title: tickets.title, status: tickets.status, priority: tickets.priority, sensitive: tickets.sensitive,
    tags: tickets.tags, assetRef: tickets.assetRef,
    description: withDescription ? tickets.description : sql<string>`''`,
    createdAt: tickets.createdAt, updatedAt: tickets.updatedAt, firstResponseAt: tickets.firstResponseAt, resolvedAt: tickets.resolvedAt, closedAt: tickets.closedAt,
    category: categories.name, requester: requester.name, requesterEmail: requester.email, assignee: assignee.name, team: teams.name,
    slaStatus: slaStatusSql, slaDue: slaDueSql, ...order.cursorFields,
  }).from(tickets)
    .leftJoin(categories, and(eq(categories.organizationId, tickets.organizationId), eq(categories.id, tickets.categoryId)))
    .innerJoin(requester, eq(requester.id, tickets.requesterId))
    .leftJoin(assignee, eq(assignee.id, tickets.assigneeId))
    .leftJoin(teams, and(eq(teams.organizationId, tickets.organizationId), eq(teams.id, tickets.teamId)))
    // The list's own order and keyset (sort column, number): page 600 costs what page 1 does.
    .where(after ? and(where, order.after(after)) : where).orderBy(...order.order).limit(size))
}

function cell(column: ExportColumn, r: Row, tz: string): string | number {
  switch (column) {
    case 'number': return r.number
    case 'title': return r.title
    case 'status': return statusLabels[r.status]
    case 'priority': return words(r.priority)
    case 'category': return r.category ?? ''
    case 'requester': return r.requester
    case 'requester_email': return r.requesterEmail
    case 'assignee': return r.assignee ?? ''
    case 'team': return r.team ?? ''
    case 'tags': return r.tags.join(', ')
    case 'sla_status': return r.slaStatus ? words(r.slaStatus) : ''
    case 'sla_due': return isoInZone(r.slaDue, tz)
    case 'created': return isoInZone(r.createdAt, tz)
    case 'updated': return isoInZone(r.updatedAt, tz)
    case 'first_response': return isoInZone(r.firstResponseAt, tz)
    case 'resolved': return isoInZone(r.resolvedAt, tz)
    case 'closed': return isoInZone(r.closedAt, tz)
    case 'asset_ref': return r.assetRef ?? ''
    case 'sensitive': return r.sensitive ? 'yes' : 'no'
    case 'description': return r.description
  }
}

/**
 * The current filtered view as CSV (§11), streamed: one page of EXPORT_PAGE rows is
 * queried only when the client has taken the previous one, so a 600,000-ticket export
 * never sits in memory and a slow download slows the queries, not the server. Rows come
 * through the list's own filters on top of `visibleTickets`: what the person may not see
 * (sensitive tickets for the uncleared, another requester's) and deleted tickets never
 * appear. Staff only; the export itself is audited (who took which filters out).
 */
export async function exportTickets(ctx: Ctx, raw: z.input<typeof ExportInput>, opts: { timeZone: string; /** Tests only: another page size. */ pageSize?: number }) {
  authorize(ctx, 'ticket:read')
  if (!isStaffRole(ctx.role)) throw new ForbiddenError('Only staff can export tickets')
  const input = ExportInput.parse(raw)
  const flat = Object.fromEntries(Object.entries(input.query).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])
    .filter(([k, v]) => v && !['after', 'before', 'deleted', 'columns', 'tz'].includes(k as string)))
  const parsed = TicketListQuery.parse(flat)
  // Rows come in the list's order. Relevance is the exception: it ranks a window of the
  // newest matches per page of 25, which an export of every match cannot do page by page,
  // so a search's export comes newest first.
  const q = parsed.sort === 'relevance' ? { ...parsed, sort: 'number' as const, dir: 'desc' as const } : parsed
  const where = ticketFilters(ctx, q, { timeZone: opts.timeZone })
  const order = listOrder(q, undefined)
  const size = opts.pageSize ?? (indexedSorts.has(q.sort) ? EXPORT_PAGE : EXPORT_PAGE_UNINDEXED)
  const columns = input.columns
  await withTx(ctx, (tx) => recordAudit(tx, ctx, {
    entityType: 'organization', entityId: ctx.org.id, action: 'ticket.exported',
    changes: { filters: [null, new URLSearchParams(flat as Record<string, string>).toString()], columns: [null, columns.join(',')] },
  }))
  const labels = new Map<string, string>(exportColumns.map((c) => [c.key, c.label]))
  const encoder = new TextEncoder()
  let after: Cursor | null = null
  let started = false
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (!started) {
          started = true
          controller.enqueue(encoder.encode(CSV_BOM + csvLine(columns.map((c) => labels.get(c)!))))
          return
        }
        const rows = await selectPage(ctx, where, order, after, columns.includes('description'), size)
        if (rows.length) {
          controller.enqueue(encoder.encode(rows.map((r) => csvLine(columns.map((c) => cell(c, r, opts.timeZone)))).join('')))
          after = order.keyOf(rows[rows.length - 1]!)
        }
        if (rows.length < size) controller.close()
      } catch (err) {
        // Headers are long gone: the download fails visibly in the browser instead of ending short.
        console.error('ticket export failed', err)
        controller.error(err)
      }
    },
  })
  return { filename: `tickets-${ctx.org.slug}-${dayInZone(new Date(), opts.timeZone)}.csv`, columns, stream }
}

/** The headers of a CSV download: no Content-Length (it streams), never cached, never sniffed. */
export function csvHeaders(filename: string): Record<string, string> {
  return {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`,
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
  }
}
