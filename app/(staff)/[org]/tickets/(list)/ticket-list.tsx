import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import { buttonClass } from '@/components/ui/button'
import { EmptyState, PageHeader } from '@/components/ui/card'
import { TicketFilters } from '@/components/tickets/ticket-filters'
import { TicketTable, type TicketTableRow } from '@/components/tickets/ticket-table'
import { formatNumber, formatTime, relativeTime } from '@/lib/format/time'
import type { Locale } from '@/lib/i18n/config'
import { dueSpan } from '@/lib/sla/format'
import { viewerTimeZone } from '@/lib/pages/guard'
import { listTicketsWithCount } from '@/lib/tickets'
import { COUNT_CAP } from '@/lib/tickets/list-tickets'
import { listCategories } from '@/lib/tickets'
import { assigneeName } from '@/lib/tickets'
import { queueCounts } from '@/lib/tickets'
import { QueueNav } from '@/components/tickets/queue-nav'
import { ViewNav } from '@/components/views/view-nav'
import { listColumns, listViews, staleViewNames, viewCounts, type StaleName, type View } from '@/lib/views'
import type { Ctx } from '@/lib/auth/ctx-type'
import { can } from '@/lib/authz/can'
import { ColumnsMenu } from './columns-menu'
import { SaveViewButton } from './save-view-button'
import { ViewActions } from './view-actions-menu'
import { BulkSelection } from '@/components/tickets/bulk-selection'
import { ExportDialog } from '@/components/tickets/export-dialog'

type Search = Record<string, string | undefined>
type T = Awaited<ReturnType<typeof getTranslations<'tickets.ticketList'>>>

/** The assignee filter shows a name, not an id: one lookup instead of listing every agent. */
async function filterAssigneeLabel(ctx: Ctx, t: T, value: string | undefined): Promise<string> {
  if (!value) return t('anyone')
  if (value === 'me') return t('me')
  if (value === 'none') return t('unassigned')
  return (await assigneeName(ctx, value)) ?? t('unknownAgent')
}

const sortKeys = new Set(['due', 'number', 'created', 'updated', 'priority', 'status', 'title', 'requester', 'assignee', 'team', 'category', 'relevance'])

function staleMessage(t: T, s: StaleName): string {
  if (s.kind === 'team') return t('staleTeam', { name: s.name })
  if (s.kind === 'category') return t('staleCategory', { name: s.name })
  return t('staleAssignee', { name: s.name })
}

/**
 * The list under its view (already resolved by the page, so a missing view was a 404 before
 * anything streamed). Streams inside the page's Suspense boundary.
 */
export async function TicketList({ ctx, org, raw, view }: { ctx: Ctx; org: string; raw: Search; view: View | null }) {
  // A view is its query and sort, applied as if typed: the box shows the query, and a header
  // click or an edit in the box takes over from it (the URL's own values win).
  const search: Search = view
    ? { ...raw, q: raw.q || view.query || undefined, sort: raw.sort ?? view.sort, dir: raw.sort ? raw.dir : view.dir }
    : raw
  // Dates in the search box (created>2026-01-01) are days in the viewer's zone.
  const tz = await viewerTimeZone(ctx)
  const t = await getTranslations('tickets.ticketList')
  const locale = (await getLocale()) as Locale
  // "1,000+" past the count's cap, in the viewer's digits.
  const formatCount = (n: number) => (n > COUNT_CAP ? `${formatNumber(COUNT_CAP, locale)}+` : formatNumber(n, locale))
  const due = (d: Date, now: Date) => { const { overdue, span } = dueSpan(d, now); return overdue ? t('overdueBy', { span }) : t('dueIn', { span }) }
  const views = await listViews(ctx)
  const [{ page, total }, categories, queues, assigneeLabel, columns, counts, stale] = await Promise.all([
    listTicketsWithCount(ctx, search, { timeZone: tz }), listCategories(ctx), queueCounts(ctx, { current: search.queue }), filterAssigneeLabel(ctx, t, search.assignee),
    listColumns(ctx), viewCounts(ctx, views, { timeZone: tz }), view ? staleViewNames(ctx, view.query) : Promise.resolve([]),
  ])
  const q = page.query
  const now = new Date()
  const rows: TicketTableRow[] = page.rows.map((r) => ({
    id: r.id, number: r.number, title: r.title, status: r.status, priority: r.priority, sensitive: r.sensitive, deleted: !!r.deletedAt, tags: r.tags,
    category: r.category, requester: r.requester, assignee: r.assignee, team: r.team, awaitingAcceptance: !!r.teamField && !!r.assigneeId && !r.acceptedAt && (r.status === 'new' || r.status === 'open'),
    updated: relativeTime(r.updatedAt, now, locale), updatedFull: formatTime(r.updatedAt, tz, undefined, locale), created: formatTime(r.createdAt, tz, undefined, locale),
    sla: r.slaStatus, due: r.slaDue ? due(r.slaDue, now) : null, dueFull: r.slaDue ? t('dueAt', { time: formatTime(r.slaDue, tz, undefined, locale) }) : null,
    overdue: !!r.slaDue && r.slaDue < now, escalated: !!r.escalatedAt, snippet: r.snippet,
  }))
  const link = (cursor: Record<string, string>) => {
    const u = new URLSearchParams(Object.entries(search).filter(([k, v]) => v && k !== 'after' && k !== 'before') as [string, string][])
    for (const [k, v] of Object.entries(cursor)) u.set(k, v)
    return `/${org}/tickets?${u}`
  }
  // The view's filters and search without its cursor: what "all matching" and the export take.
  const filters = Object.fromEntries(Object.entries(search).filter(([k, v]) => v && !['after', 'before', 'view'].includes(k))) as Record<string, string>
  const filtered = Object.keys(search).some((k) => !['sort', 'dir', 'after', 'before', 'view'].includes(k) && search[k])
  const queueName = q.queue === 'open' ? t('queueOpen') : q.queue === 'mine' ? t('queueMine') : q.queue === 'unassigned' ? t('queueUnassigned')
    : q.queue ? queues.teams.find((tm) => `team:${tm.id}` === q.queue)?.name ?? t('queueTeam') : null
  const shared = view?.scope === 'org' ? t('sharedOrg') : view?.scope === 'team' ? t('sharedTeam', { team: String(view.teamName) }) : null
  const editedView = !!view && (q.q ?? '') !== view.query
  return (
    <div>
      <PageHeader
        title={view?.name ?? queueName ?? t('title')}
        subtitle={<>
          {t(filtered ? 'countFiltered' : 'count', { count: total, n: formatCount(total) })}
          {view && view.scope !== 'builtin' && <span className="text-slate-600"> · {shared ? t('sharedWith', { shared }) : t('yourView')}</span>}
          {editedView && <span className="text-slate-600"> · {t('searchChanged')}</span>}
          {q.sort === 'relevance' && <span className="text-slate-600"> · {page.relevanceWindow ? t('bestMatchesAmong', { n: formatCount(page.relevanceWindow) }) : t('bestMatches')}</span>}
        </>}
        actions={<>
          {view?.canManage && <ViewActions org={org} view={{ id: view.id, name: view.name }} shared={shared} />}
          <SaveViewButton org={org} query={q.q ?? ''} sort={q.sort} sortLabel={sortKeys.has(q.sort) ? t(`sort.${q.sort}`) : q.sort} dir={q.dir}
            teams={queues.teams.map((tm) => ({ id: tm.id, name: tm.name }))} canShare={can(ctx, 'settings:manage')} />
          <ExportDialog org={org} query={filters} count={formatCount(total)} />
          <Link href={`/${org}/tickets/new`} className={buttonClass('primary')}>{t('newTicket')}</Link>
        </>}
      />
      {/* With a view open, no queue is the current one (not even All tickets). */}
      <QueueNav org={org} counts={queues} current={view ? `view:${view.id}` : q.queue} />
      <ViewNav org={org} views={views} counts={counts} current={view?.id} />
      {stale.length > 0 && (
        <div role="alert" className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800 ring-1 ring-amber-200">
          <ul className="space-y-0.5">{stale.map((s) => <li key={`${s.kind}:${s.name}`}>{staleMessage(t, s)}</li>)}</ul>
          {view?.canManage && <p className="mt-1 text-xs">{t('staleHint')}</p>}
        </div>
      )}
      <TicketFilters
        values={{
          status: q.status.join(','), priority: q.priority.join(','), category: q.category ?? '', assignee: q.assignee ?? '',
          q: q.q ?? '', deleted: q.deleted === '1', sort: q.sort, dir: q.dir, sla: q.sla.join(','),
          team: q.team ?? '', queue: q.queue ?? '',
        }}
        org={org} assigneeLabel={assigneeLabel} categories={categories} teams={queues.teams} showDeletedToggle={ctx.role === 'admin'}
        searchErrors={page.search?.errors ?? []}
      />
      <div className="mb-2 flex justify-end">
        <ColumnsMenu org={org} columns={columns} />
      </div>
      {/* Around the empty state too: a bulk action that empties the view still shows its results. */}
      <BulkSelection org={org} pageIds={rows.map((r) => r.id)} total={total} query={filters} canDelete={ctx.role === 'admin'}
        teams={queues.teams} enabled={q.deleted !== '1'}>
        {rows.length === 0 ? (
          <EmptyState title={filtered ? (view ? t('emptyView') : t('emptyFiltered')) : t('empty')}>
            {filtered ? <Link className="text-indigo-700 hover:underline" href={`/${org}/tickets`}>{view ? t('showAll') : t('clearFilters')}</Link> : t('emptyBody')}
          </EmptyState>
        ) : (
          <>
            <TicketTable org={org} rows={rows} sort={q.sort} dir={q.dir} columns={columns} />
            <nav aria-label={t('pagination')} className="mt-4 flex items-center justify-between text-sm">
              {page.prev ? <Link href={link({ before: page.prev })} className={buttonClass('secondary')}>{t('previous')}</Link> : <span />}
              {page.next ? <Link href={link({ after: page.next })} className={buttonClass('secondary')}>{t('next')}</Link> : <span />}
            </nav>
          </>
        )}
      </BulkSelection>
    </div>
  )
}
