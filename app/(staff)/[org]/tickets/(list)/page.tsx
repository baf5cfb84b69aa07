import type { Metadata } from 'next'
import Link from 'next/link'
import { buttonClass } from '@/components/ui/button'
import { EmptyState, PageHeader } from '@/components/ui/card'
import { TicketFilters } from '@/components/tickets/ticket-filters'
import { TicketTable, type TicketTableRow } from '@/components/tickets/ticket-table'
import { formatTime, relativeTime } from '@/lib/format/time'
import { dueIn } from '@/lib/sla/format'
import { pageCtx, viewerTimeZone } from '@/lib/pages/guard'
import { countTickets, listTickets } from '@/lib/tickets'
import { formatCount } from '@/lib/tickets/list-tickets'
import { listCategories } from '@/lib/tickets'
import { assigneeName } from '@/lib/tickets'
import { queueCounts } from '@/lib/tickets'
import { QueueNav } from '@/components/tickets/queue-nav'

export const metadata: Metadata = { title: 'Tickets' }

type Search = Record<string, string | string[] | undefined>

/** The assignee filter shows a name, not an id: one lookup instead of listing every agent. */
async function filterAssigneeLabel(ctx: Awaited<ReturnType<typeof pageCtx>>, value: string | undefined): Promise<string> {
  if (!value) return 'Anyone'
  if (value === 'me') return 'Me'
  if (value === 'none') return 'Unassigned'
  return (await assigneeName(ctx, value)) ?? 'Unknown agent'
}

export default async function TicketsPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<Search> }) {
  const { org } = await params
  const search = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]))
  const ctx = await pageCtx(org)
  // Dates in the search box (created>2026-01-01) are days in the viewer's zone.
  const tz = await viewerTimeZone(ctx)
  const [page, total, categories, queues, assigneeLabel] = await Promise.all([
    listTickets(ctx, search, { timeZone: tz }), countTickets(ctx, search, { timeZone: tz }), listCategories(ctx), queueCounts(ctx, { current: search.queue }), filterAssigneeLabel(ctx, search.assignee),
  ])
  const q = page.query
  const now = new Date()
  const rows: TicketTableRow[] = page.rows.map((r) => ({
    number: r.number, title: r.title, status: r.status, priority: r.priority, sensitive: r.sensitive, deleted: !!r.deletedAt, tags: r.tags,
    category: r.category, requester: r.requester, assignee: r.assignee, team: r.team, awaitingAcceptance: !!r.assigneeId && !r.acceptedAt && (r.status === 'new' || r.status === 'open'),
    updated: relativeTime(r.updatedAt, now), updatedFull: formatTime(r.updatedAt, tz), created: formatTime(r.createdAt, tz),
    sla: r.slaStatus, due: r.slaDue ? dueIn(r.slaDue, now) : null, dueFull: r.slaDue ? `Due ${formatTime(r.slaDue, tz)}` : null,
    overdue: !!r.slaDue && r.slaDue < now, escalated: !!r.escalatedAt, snippet: r.snippet,
  }))
  const link = (cursor: Record<string, string>) => {
    const u = new URLSearchParams(Object.entries(search).filter(([k, v]) => v && k !== 'after' && k !== 'before') as [string, string][])
    for (const [k, v] of Object.entries(cursor)) u.set(k, v)
    return `/${org}/tickets?${u}`
  }
  const filtered = Object.keys(search).some((k) => !['sort', 'dir', 'after', 'before'].includes(k) && search[k])
  const queueName = q.queue === 'mine' ? 'My work' : q.queue === 'unassigned' ? 'Unassigned'
    : q.queue ? queues.teams.find((t) => `team:${t.id}` === q.queue)?.name ?? 'Team queue' : null
  return (
    <div>
      <PageHeader
        title={queueName ?? 'Tickets'}
        subtitle={`${formatCount(total)} ${total === 1 ? 'ticket' : 'tickets'}${filtered ? ' match these filters' : ''}`}
        actions={<Link href={`/${org}/tickets/new`} className={buttonClass('primary')}>New ticket</Link>}
      />
      <QueueNav org={org} counts={queues} current={q.queue} />
      <TicketFilters
        values={{
          status: q.status.join(','), priority: q.priority.join(','), category: q.category ?? '', assignee: q.assignee ?? '',
          q: q.q ?? '', deleted: q.deleted === '1', sort: q.sort, dir: q.dir, sla: q.sla.join(','),
          team: q.team ?? '', queue: q.queue ?? '',
        }}
        org={org} assigneeLabel={assigneeLabel} categories={categories} teams={queues.teams} showDeletedToggle={ctx.role === 'admin'}
        searchErrors={page.search?.errors ?? []}
      />
      {rows.length === 0 ? (
        <EmptyState title={filtered ? 'No tickets match these filters' : 'No tickets yet'}>
          {filtered ? <Link className="text-indigo-700 hover:underline" href={`/${org}/tickets`}>Clear the filters</Link> : 'Tickets raised in the portal or logged by staff appear here.'}
        </EmptyState>
      ) : (
        <>
          <TicketTable org={org} rows={rows} sort={q.sort} dir={q.dir} />
          <nav aria-label="Pagination" className="mt-4 flex items-center justify-between text-sm">
            {page.prev ? <Link href={link({ before: page.prev })} className={buttonClass('secondary')}>← Previous</Link> : <span />}
            {page.next ? <Link href={link({ after: page.next })} className={buttonClass('secondary')}>Next →</Link> : <span />}
          </nav>
        </>
      )}
    </div>
  )
}
