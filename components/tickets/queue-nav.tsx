import Link from 'next/link'
import type { QueueCounts } from '@/lib/tickets/queues'

const fmt = (n: number) => (n > 999 ? '999+' : String(n))

/**
 * Work queues beside the list (§6): links that set `?queue=`, each with its count of
 * unsolved tickets. The current one is marked for screen readers and by colour.
 */
export function QueueNav({ org, counts, current }: { org: string; counts: QueueCounts; current: string | undefined }) {
  const item = (queue: string | undefined, label: React.ReactNode, n: number | null, name: string) => {
    const active = current === queue
    return (
      <li key={queue ?? 'all'}>
        <Link href={queue ? `/${org}/tickets?queue=${queue}` : `/${org}/tickets`} aria-current={active ? 'page' : undefined}
          aria-label={n === null ? name : `${name}, ${fmt(n)} unsolved`}
          className="flex items-center justify-between gap-2 rounded-md px-3 py-1.5 text-sm text-slate-600 hover:bg-slate-100 hover:text-slate-900 aria-[current=page]:bg-indigo-50 aria-[current=page]:font-medium aria-[current=page]:text-indigo-700">
          <span className="truncate">{label}</span>
          {n !== null && <span className="tabular-nums text-xs text-slate-500">{fmt(n)}</span>}
        </Link>
      </li>
    )
  }
  const mine = counts.teams.filter((t) => t.member)
  const others = counts.teams.filter((t) => !t.member)
  const teamItem = (t: QueueCounts['teams'][number]) =>
    item(`team:${t.id}`, <>{t.name}{t.restricted && <span className="ml-1 text-xs text-violet-700">(restricted)</span>}</>, t.count, `${t.name} queue`)
  return (
    <nav aria-label="Queues" className="space-y-4">
      <div>
        <p className="mb-1 px-3 text-xs font-semibold uppercase tracking-wide text-slate-500">Queues</p>
        <ul className="space-y-0.5">
          {item('mine', 'My work', counts.mine, 'My work')}
          {item('unassigned', 'Unassigned', counts.unassigned, 'Unassigned')}
          {item(undefined, 'All tickets', null, 'All tickets')}
        </ul>
      </div>
      {mine.length > 0 && (
        <div>
          <p className="mb-1 px-3 text-xs font-semibold uppercase tracking-wide text-slate-500">My teams</p>
          <ul className="space-y-0.5">{mine.map(teamItem)}</ul>
        </div>
      )}
      {others.length > 0 && (
        <div>
          <p className="mb-1 px-3 text-xs font-semibold uppercase tracking-wide text-slate-500">{mine.length ? 'Other teams' : 'Teams'}</p>
          <ul className="space-y-0.5">{others.map(teamItem)}</ul>
        </div>
      )}
      <p className="px-3 text-xs text-slate-400">Counts are unsolved tickets.</p>
    </nav>
  )
}
