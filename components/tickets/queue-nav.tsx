import { useTranslations } from 'next-intl'
import { formatQueueCount as fmt, type QueueCounts } from '@/lib/tickets/queues'

/**
 * Work queues above the list (§6): links that set `?queue=`, each with its count of
 * unsolved tickets; a row of pills so the table keeps its full width. The current one is
 * marked for screen readers and by colour. My teams come before the others.
 */
export function QueueNav({ org, counts, current }: { org: string; counts: QueueCounts; current: string | undefined }) {
  const t = useTranslations('tickets.queueNav')
  // Named by its content, visible text first ("My work 3 unsolved"), so voice users can say
  // what they see (label-in-name); what only the eye gets from the lock comes after it.
  const item = (queue: string | undefined, label: React.ReactNode, n: number | null, extra = '') => {
    const active = current === queue
    return (
      <li key={queue ?? 'all'}>
        <a href={queue ? `/${org}/tickets?queue=${queue}` : `/${org}/tickets`} aria-current={active ? 'page' : undefined}
          className="inline-flex items-center gap-2 rounded-full bg-white px-3 py-1 text-sm text-slate-700 ring-1 ring-slate-200 hover:bg-slate-50 hover:text-slate-900 aria-[current=page]:bg-indigo-600 aria-[current=page]:text-white aria-[current=page]:ring-indigo-600">
          <span>{label}</span>
          {n !== null && <span className="rounded-full bg-slate-100 px-1.5 text-xs tabular-nums text-slate-600">{fmt(n)}</span>}
          {(n !== null || extra) && <span className="sr-only">{n !== null ? ` ${t('unsolved')}` : ''}{extra}</span>}
        </a>
      </li>
    )
  }
  // Big desks count only my teams and the open queue; the rest sit behind "Other teams".
  const shown = counts.teams.filter((t) => t.count !== null)
  const others = counts.teams.filter((t) => t.count === null)
  return (
    <nav aria-label={t('label')} className="mb-4 flex flex-wrap items-center gap-x-4 gap-y-2">
      <ul className="flex flex-wrap gap-2">
        {/* The unfiltered list holds closed and cancelled tickets too, and says so (issue 18). */}
        {item('open', t('allOpen'), counts.open)}
        {item(undefined, t('allIncludingClosed'), null)}
        {item('mine', t('mine'), counts.mine)}
        {item('unassigned', t('unassigned'), counts.unassigned)}
      </ul>
      {shown.length > 0 && (
        <ul className="flex flex-wrap gap-2 border-slate-300 sm:border-l sm:pl-4" aria-label={t('teamQueues')}>
          {shown.map((q) => item(`team:${q.id}`, <>{q.name}{q.restricted && <LockIcon />}</>,
            q.count, `${q.member ? `, ${t('myTeam')}` : ''}${q.restricted ? `, ${t('restricted')}` : ''}`))}
        </ul>
      )}
      {others.length > 0 && (
        <details className="relative text-sm">
          <summary className="cursor-pointer rounded-full px-3 py-1 text-slate-700 ring-1 ring-slate-200 hover:bg-slate-50">
            {shown.length ? t('otherTeams') : t('teamQueues')} ({others.length})
          </summary>
          <ul className="absolute z-20 mt-1 max-h-72 w-64 overflow-auto rounded-md bg-white py-1 shadow-lg ring-1 ring-slate-200" aria-label={t('otherTeamQueues')}>
            {others.map((q) => (
              <li key={q.id}>
                <a href={`/${org}/tickets?queue=team:${q.id}`} className="block px-3 py-1.5 text-slate-700 hover:bg-slate-50 hover:text-slate-900">
                  {q.name}{q.restricted && <LockIcon />}
                </a>
              </li>
            ))}
          </ul>
        </details>
      )}
      <span className="text-xs text-slate-600">{t('countsNote')}</span>
    </nav>
  )
}

function LockIcon() {
  return (
    <svg aria-hidden viewBox="0 0 16 16" className="ml-1 inline h-3 w-3 align-[-1px] opacity-70" fill="currentColor">
      <path d="M5 7V5a3 3 0 1 1 6 0v2h.5A1.5 1.5 0 0 1 13 8.5v5a1.5 1.5 0 0 1-1.5 1.5h-7A1.5 1.5 0 0 1 3 13.5v-5A1.5 1.5 0 0 1 4.5 7H5Zm1.5 0h3V5a1.5 1.5 0 0 0-3 0v2Z" />
    </svg>
  )
}
