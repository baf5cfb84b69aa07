import { useTranslations } from 'next-intl'
import { formatQueueCount as fmt } from '@/lib/tickets/queues'

type NavView = { id: string; name: string; scope: 'builtin' | 'personal' | 'org' | 'team'; teamName: string | null }

type T = ReturnType<typeof useTranslations<'tickets.viewNav'>>
const shareLabel = (t: T, v: NavView) => (v.scope === 'org' ? t('sharedEveryone') : v.scope === 'team' ? (v.teamName ? t('sharedTeam', { team: v.teamName }) : t('sharedSomeTeam')) : null)

/**
 * Saved views beside the queues (§11): built-ins, mine, my teams', the org's, each with its
 * capped count of matching tickets. A link opens the list with `?view=<id>`.
 */
export function ViewNav({ org, views, counts, current }: { org: string; views: NavView[]; counts: Map<string, number>; current: string | undefined }) {
  const t = useTranslations('tickets.viewNav')
  return (
    <nav aria-label={t('label')} className="mb-4 flex flex-wrap items-center gap-x-3 gap-y-2">
      <span className="text-xs font-medium uppercase tracking-wide text-slate-600">{t('heading')}</span>
      <ul className="flex flex-wrap gap-2">
        {views.map((v) => {
          const n = counts.get(v.id)
          const shared = shareLabel(t, v)
          return (
            <li key={v.id}>
              <a href={`/${org}/tickets?view=${encodeURIComponent(v.id)}`} aria-current={current === v.id ? 'page' : undefined}
                className="inline-flex items-center gap-2 rounded-full bg-white px-3 py-1 text-sm text-slate-700 ring-1 ring-slate-200 hover:bg-slate-50 hover:text-slate-900 aria-[current=page]:bg-indigo-600 aria-[current=page]:text-white aria-[current=page]:ring-indigo-600">
                <span>{v.name}</span>
                {shared && <ShareIcon title={shared} />}
                {n !== undefined && <span className="rounded-full bg-slate-100 px-1.5 text-xs tabular-nums text-slate-600">{fmt(n)}</span>}
                {/* Named by its content, visible text first (label-in-name). */}
                {(n !== undefined || shared) && <span className="sr-only">{n !== undefined ? ` ${t('tickets')}` : ''}{shared ? `, ${shared}` : ''}</span>}
              </a>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}

function ShareIcon({ title }: { title: string }) {
  return (
    <svg aria-hidden viewBox="0 0 16 16" className="-ml-1 h-3 w-3 opacity-70" fill="currentColor"><title>{title}</title>
      <path d="M5.5 7a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5Zm5.5 0a2 2 0 1 0 0-4 2 2 0 0 0 0 4ZM1 12.5C1 10.57 3 9 5.5 9S10 10.57 10 12.5V14H1v-1.5Zm10 1.5v-1.5c0-1.07-.38-2.05-1.03-2.84A4.6 4.6 0 0 1 11 9.5c2.2 0 4 1.34 4 3V14h-4Z" />
    </svg>
  )
}
