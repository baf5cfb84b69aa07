import 'server-only'
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, sql, type AnyColumn, type SQL } from 'drizzle-orm'
import type { DbOrTx } from '@/db/client'
import { alias } from 'drizzle-orm/pg-core'
import { categories, teams, ticketPriorities, ticketStatuses, tickets, users } from '@/db/schema'
import { dbFor } from '@/lib/db/tx'
import { authorize } from '@/lib/authz/can'
import type { Ctx } from '@/lib/auth/ctx-type'
import { visibleTickets } from '@/lib/authz/visibility'
import { slaDueSql, slaStatusSql } from '@/lib/sla/status-sql'
import { TICKET_NUMBER_MAX, TicketListQuery, type SortKey } from './schemas'
import { openStatuses } from './workflow'
import { parseSearch } from '@/lib/search/query'
import { searchPredicate } from '@/lib/search/predicate'
import { hasText, relevanceOf, snippetsFor, type Snippet } from '@/lib/search/text'

export const PAGE_SIZE = 25
/** How many of the newest matches a relevance sort ranks, past which the list says so (see relevanceWindow). */
export const RELEVANCE_WINDOW = 1_000

// Tickets without a live deadline go last either way: the null becomes ±infinity, which
// also keeps the (due, number) row comparison of the keyset total.
const dueKey = (dir: 'asc' | 'desc') => sql`coalesce(${slaDueSql}, ${sql.raw(dir === 'asc' ? "'infinity'" : "'-infinity'")}::timestamptz)`

const requester = alias(users, 'requester')
const assignee = alias(users, 'assignee')

/** A display name as the list sorts by it: case-blind, so "bea" and "Bea" sit together. */
const nameKey = (col: AnyColumn) => sql<string | null>`lower(${col})`

/**
 * Each sort key's column and how a cursor value is cast back to it. `nullable` columns
 * (nobody assigned, no team, no category) put their nulls last in both directions: the
 * keyset then compares (is null, name, number), see `afterCursor`.
 */
type SortSpec = { col: SQL; cast: string; nullable?: boolean }
const sortColumns: Record<Exclude<SortKey, 'due' | 'relevance'>, SortSpec> = {
  number: { col: sql`${tickets.number}`, cast: 'int' },
  created: { col: sql`${tickets.createdAt}`, cast: 'timestamptz' },
  updated: { col: sql`${tickets.updatedAt}`, cast: 'timestamptz' },
  priority: { col: sql`${tickets.priority}`, cast: 'ticket_priority' },
  status: { col: sql`${tickets.status}`, cast: 'ticket_status' },
  title: { col: sql`${tickets.title}`, cast: 'text' },
  requester: { col: nameKey(requester.name), cast: 'text' },
  assignee: { col: nameKey(assignee.name), cast: 'text', nullable: true },
  team: { col: nameKey(teams.name), cast: 'text', nullable: true },
  category: { col: nameKey(categories.name), cast: 'text', nullable: true },
}
const nameSorts: ReadonlySet<SortKey> = new Set(['requester', 'assignee', 'team', 'category'])

export type Cursor = { v: string | number | null; n: number }
const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url')
function decodeCursor(s: string | undefined): Cursor | null {
  if (!s) return null
  try {
    const c = JSON.parse(Buffer.from(s, 'base64url').toString()) as Cursor
    return typeof c.n === 'number' && (typeof c.v === 'string' || typeof c.v === 'number' || c.v === null) ? c : null
  } catch { return null }
}

// A cursor arrives from the URL: one that does not fit the sort column is ignored
// (first page) rather than sent to the database to fail the whole list.
const int = (v: unknown) => Number.isInteger(v) && Math.abs(v as number) <= TICKET_NUMBER_MAX
const isoTime = (v: unknown) => typeof v === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/.test(v) && !Number.isNaN(Date.parse(v))
const nameOrNone = (v: unknown) => typeof v === 'string' || v === null
const cursorFits: Record<SortKey, (v: unknown) => boolean> = {
  due: (v) => isoTime(v) || v === 'infinity' || v === '-infinity',
  number: int, created: isoTime, updated: isoTime, title: (v) => typeof v === 'string',
  priority: (v) => (ticketPriorities as readonly unknown[]).includes(v),
  status: (v) => (ticketStatuses as readonly unknown[]).includes(v),
  relevance: (v) => typeof v === 'string' && /^\d+(\.\d+)?(e-?\d+)?$/.test(v),
  requester: (v) => typeof v === 'string',
  assignee: nameOrNone, team: nameOrNone, category: nameOrNone,
}

// Timestamps enter the cursor at the database's microsecond precision: a JS Date would cut
// them to milliseconds, and the next page would repeat (asc) or skip (desc) rows.
const exactTime = (col: SQL | typeof tickets.createdAt | typeof tickets.updatedAt) => sql<string>`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`

/**
 * Rows after the cursor in the list's order. Plain keys compare (key, number) as a row; a
 * nullable key's nulls come last going forward, so paging back (`nullsLast` false) meets
 * them first. A row comparison with a null is null, hence the explicit `is null` arms.
 */
function afterCursor(spec: SortSpec, cursor: Cursor, ascending: boolean, nullsLast: boolean): SQL {
  const op = ascending ? sql`>` : sql`<`
  const key = sql`(${spec.col}, ${tickets.number}) ${op} (${cursor.v}::${sql.raw(spec.cast)}, ${cursor.n})`
  if (!spec.nullable) return key
  if (cursor.v === null) {
    return nullsLast ? sql`(${spec.col} is null and ${tickets.number} ${op} ${cursor.n})` : sql`(${spec.col} is not null or ${tickets.number} ${op} ${cursor.n})`
  }
  return nullsLast ? sql`(${key} or ${spec.col} is null)` : key
}

/**
 * A work queue (§6): unsolved tickets assigned to me, to nobody, or waiting in one team.
 * Only ever added on top of `visibleTickets`, so a queue holds nothing the viewer may not see.
 */
export function queuePredicate(ctx: Ctx, queue: NonNullable<TicketListQuery['queue']>): SQL {
  const unsolved = inArray(tickets.status, [...openStatuses])
  if (queue === 'open') return unsolved
  if (queue === 'mine') return and(unsolved, eq(tickets.assigneeId, ctx.user.id))!
  if (queue === 'unassigned') return and(unsolved, isNull(tickets.assigneeId))!
  return and(unsolved, eq(tickets.teamId, queue.slice('team:'.length)))!
}

/** Filters from the URL turned into predicates, always on top of `visibleTickets`. */
export type ListOptions = { timeZone?: string; /** Tests only: a smaller relevance window. */ relevanceWindow?: number }

export function ticketFilters(ctx: Ctx, q: TicketListQuery, opts: ListOptions = {}): SQL {
  const parts: (SQL | undefined)[] = [visibleTickets(ctx, { includeDeleted: q.deleted === '1' })]
  if (q.deleted === '1' && ctx.role === 'admin') parts.push(isNotNull(tickets.deletedAt))
  if (q.status.length) parts.push(inArray(tickets.status, q.status))
  if (q.priority.length) parts.push(inArray(tickets.priority, q.priority))
  if (q.sla.length) parts.push(sql`${slaStatusSql} in (${sql.join(q.sla.map((s) => sql`${s}`), sql`, `)})`)
  if (q.category) parts.push(eq(tickets.categoryId, q.category))
  if (q.assignee === 'me') parts.push(eq(tickets.assigneeId, ctx.user.id))
  else if (q.assignee === 'none') parts.push(isNull(tickets.assigneeId))
  else if (q.assignee) parts.push(eq(tickets.assigneeId, q.assignee))
  if (q.team === 'none') parts.push(isNull(tickets.teamId))
  else if (q.team) parts.push(eq(tickets.teamId, q.team))
  if (q.queue) parts.push(queuePredicate(ctx, q.queue))
  // The search box: words (full text over title, description and the visible conversation),
  // phrases, exclusions and filter tokens, parsed by the one search-language parser.
  if (q.q) parts.push(searchPredicate(ctx, parseSearch(q.q).query, opts))
  return and(...parts)!
}

type CursorFields = { cursorTime: SQL<string>; cursorName: SQL<string | null> }
type KeyedRow = { number: number; priority: string; status: string; title: string; cursorTime: string; cursorName: string | null }

/**
 * How the list orders its rows for a query: the ORDER BY, the keyset predicate after a
 * cursor, the columns a row's cursor is read from, and the cursor of a row. One piece, so
 * the list's pages and the CSV export (which walks the same order in larger pages) agree.
 * `rank` is the relevance expression when sorting by relevance.
 */
export function listOrder(q: TicketListQuery, rank: SQL | undefined, backwards = false) {
  const spec: SortSpec = q.sort === 'due' ? { col: dueKey(q.dir), cast: 'timestamptz' }
    : q.sort === 'relevance' ? { col: rank ?? sql`0::real`, cast: 'real' } : sortColumns[q.sort]
  const { col } = spec
  const ascending = (q.dir === 'asc') !== backwards
  const nulls = spec.nullable ? sql.raw(backwards ? ' nulls first' : ' nulls last') : sql``
  const order = ascending ? [sql`${col} asc${nulls}`, asc(tickets.number)] : [sql`${col} desc${nulls}`, desc(tickets.number)]
  const cursorFields: CursorFields = {
    /** For the cursor only (see exactTime). */
    cursorTime: q.sort === 'created' || q.sort === 'updated' ? exactTime(q.sort === 'created' ? tickets.createdAt : tickets.updatedAt)
      : q.sort === 'due' ? sql<string>`case when ${slaDueSql} is null then ${q.dir === 'asc' ? 'infinity' : '-infinity'} else ${exactTime(slaDueSql)} end`
      // A real's text form reads back as the same real, so the next page starts exactly after it.
      : q.sort === 'relevance' ? sql<string>`(${col})::text`
      : sql<string>`''`,
    /** For the cursor of a name sort: the name as sorted (null: nobody, no team). */
    cursorName: nameSorts.has(q.sort) ? sql<string | null>`${col}` : sql<string | null>`null`,
  }
  const keyOf = (r: KeyedRow): Cursor => {
    const v = nameSorts.has(q.sort) ? r.cursorName
      : { due: r.cursorTime, number: r.number, created: r.cursorTime, updated: r.cursorTime, priority: r.priority, status: r.status, title: r.title, relevance: r.cursorTime }[q.sort as Exclude<SortKey, 'requester' | 'assignee' | 'team' | 'category'>]
    return { v, n: r.number }
  }
  return { order, cursorFields, keyOf, after: (cursor: Cursor) => afterCursor(spec, cursor, ascending, !backwards) }
}

/**
 * One page of the workspace list, keyset-paginated on (sort column, number) so deep
 * pages cost the same as the first. Names come in the same query (no N+1).
 */
export async function listTickets(ctx: Ctx, raw: unknown, opts: ListOptions = {}) {
  authorize(ctx, 'ticket:read')
  const q = TicketListQuery.parse(raw ?? {})
  const db = await dbFor(ctx)
  const search = q.q ? parseSearch(q.q) : null
  // Relevance is only chosen with words to rank by (TicketListQuery), so the rank is there.
  const rank = q.sort === 'relevance' && search ? relevanceOf(ctx, search.query) : undefined
  const backwards = !!q.before && !q.after
  const decoded = decodeCursor(backwards ? q.before : q.after)
  const cursor = decoded && int(decoded.n) && cursorFits[q.sort](decoded.v) ? decoded : null
  const sorted = listOrder(q, rank, backwards)
  const filters = ticketFilters(ctx, q, opts)
  const ranked = rank ? await relevanceWindow(db, filters, opts.relevanceWindow ?? RELEVANCE_WINDOW) : null
  const window = ranked?.ids ? { ids: ranked.ids } : null
  // The candidates by id: the main query then reads just those rows (by primary key) to rank
  // them. They matched `filters` a moment ago in this request, so only the visibility
  // predicate is applied again (cheap, and a second line of defence) — not the full-text
  // conditions, which re-read three vectors of every candidate (~40 ms for 1,000 at 1M).
  const where: (SQL | undefined)[] = window
    ? [visibleTickets(ctx, { includeDeleted: q.deleted === '1' }), sql`${tickets.id} = any(${`{${window.ids.join(',')}}`}::uuid[])`]
    : [filters]
  if (cursor) where.push(sorted.after(cursor))
  const rows = await db.select({
    id: tickets.id, number: tickets.number, title: tickets.title, status: tickets.status, priority: tickets.priority,
    sensitive: tickets.sensitive, tags: tickets.tags, createdAt: tickets.createdAt, updatedAt: tickets.updatedAt, deletedAt: tickets.deletedAt,
    category: categories.name, requester: requester.name, assignee: assignee.name, assigneeId: tickets.assigneeId,
    team: teams.name, teamId: tickets.teamId, teamField: teams.field, acceptedAt: tickets.acceptedAt,
    slaStatus: slaStatusSql, slaDue: slaDueSql, escalatedAt: tickets.escalatedAt,
    ...sorted.cursorFields,
  }).from(tickets)
    .leftJoin(categories, and(eq(categories.organizationId, tickets.organizationId), eq(categories.id, tickets.categoryId)))
    .innerJoin(requester, eq(requester.id, tickets.requesterId))
    .leftJoin(assignee, eq(assignee.id, tickets.assigneeId))
    .leftJoin(teams, and(eq(teams.organizationId, tickets.organizationId), eq(teams.id, tickets.teamId)))
    .where(and(...where)).orderBy(...sorted.order).limit(PAGE_SIZE + 1)
  const more = rows.length > PAGE_SIZE
  const page = rows.slice(0, PAGE_SIZE)
  if (backwards) page.reverse()
  const keyOf = sorted.keyOf
  const first = page[0]
  const last = page[page.length - 1]
  const snippets = search && hasText(search.query) ? await snippetsFor(db, ctx, page.map((r) => r.id), search.query) : new Map<string, Snippet>()
  return {
    query: q,
    /** Set when relevance ranked only the newest matches (more matched than RELEVANCE_WINDOW). */
    relevanceWindow: window ? (opts.relevanceWindow ?? RELEVANCE_WINDOW) : null,
    /** How many match, capped as countTickets caps it, when ranking had to count them anyway. */
    matched: ranked && (opts.relevanceWindow ?? RELEVANCE_WINDOW) === COUNT_CAP ? ranked.matched : null,
    /** The parsed search box: its errors are shown beside it; what parsed was applied. */
    search: search ? { errors: search.ok ? [] : search.errors } : null,
    rows: page.map((r) => ({ ...r, snippet: snippets.get(r.id) ?? null })),
    next: last && (backwards || more) ? encodeCursor(keyOf(last)) : null,
    prev: first && (backwards ? more : !!cursor) ? encodeCursor(keyOf(first)) : null,
  }
}

/**
 * Ranking reads every candidate row, and a common word matches tens of thousands (28,000
 * tickets at 1M: 170 ms to rank them all). Past `size` matches, relevance ranks the newest
 * `size` of them: the newest `size` matches are the candidates. Walking the
 * (org, number) index newest first and stopping there is cheap for a common word, but the
 * planner underestimates how many tickets share two words (it multiplies their shares) and
 * would bitmap-scan every match (or, told not to, scan the table), so that one statement runs
 * with bitmap and sequential scans off, leaving the number index — and only
 * after the capped count has shown the matches are many (a rare word would walk the org).
 */
async function relevanceWindow(db: DbOrTx, filters: SQL, size: number): Promise<{ ids: string[] | null; matched: number }> {
  const [{ n }] = await db.select({ n: count() }).from(db.select({ one: sql`1` }).from(tickets).where(filters).limit(size + 1).as('m'))
  if (n <= size) return { ids: null, matched: n }
  // In its own transaction (a savepoint inside a caller's), and set back after: a SET LOCAL
  // in a released savepoint would last until the caller's transaction ends.
  const ids = await db.transaction(async (tx) => {
    const [{ bitmap, seq }] = await tx.select({ bitmap: sql<string>`current_setting('enable_bitmapscan')`, seq: sql<string>`current_setting('enable_seqscan')` }).from(sql`(select 1) as one`)
    await tx.execute(sql`select set_config('enable_bitmapscan', 'off', true), set_config('enable_seqscan', 'off', true)`)
    const found = await tx.select({ id: tickets.id }).from(tickets).where(filters).orderBy(desc(tickets.number)).limit(size)
    await tx.execute(sql`select set_config('enable_bitmapscan', ${bitmap}, true), set_config('enable_seqscan', ${seq}, true)`)
    return found
  })
  return { ids: ids.map((r) => r.id), matched: n }
}

/** Counts stop here: beyond it the list says "1,000+" (see countTickets). */
export const COUNT_CAP = 1_000

/**
 * How many tickets match, exact up to `cap`; past it the answer is `cap + 1`, shown as
 * "1,000+". An exact count of a large org's 600,000 tickets would cost more than the
 * page it heads, on every view; nobody pages that far, and filters narrow it back to exact.
 */
export async function countTickets(ctx: Ctx, raw: unknown, opts: { cap?: number } & ListOptions = {}): Promise<number> {
  const q = TicketListQuery.parse(raw ?? {})
  const cap = opts.cap ?? COUNT_CAP
  const db = await dbFor(ctx)
  const matching = db.select({ one: sql`1` }).from(tickets).where(ticketFilters(ctx, q, opts)).limit(cap + 1).as('matching')
  const [row] = await db.select({ n: count() }).from(matching)
  return row.n
}

/**
 * A page of the list and how many match, as the list page shows them. A relevance search
 * has already counted its matches (up to the same cap) to choose what to rank, so that
 * count is used instead of running the same capped count a second time (~30 ms of database
 * time for a common word at 1M tickets); otherwise the two run side by side.
 */
export async function listTicketsWithCount(ctx: Ctx, raw: unknown, opts: ListOptions = {}) {
  const q = TicketListQuery.parse(raw ?? {})
  if (q.sort === 'relevance') {
    const page = await listTickets(ctx, raw, opts)
    return { page, total: page.matched ?? await countTickets(ctx, raw, opts) }
  }
  const [page, total] = await Promise.all([listTickets(ctx, raw, opts), countTickets(ctx, raw, opts)])
  return { page, total }
}

/** "1,000+" past the cap, else the exact number. */
export const formatCount = (n: number, cap = COUNT_CAP) => (n > cap ? `${cap.toLocaleString('en')}+` : n.toLocaleString('en'))
