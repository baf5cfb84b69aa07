import { getTranslations } from 'next-intl/server'
import { ActionForm } from '@/components/ui/action-form'
import { Badge } from '@/components/ui/badge'
import type { TeamOverview } from '@/lib/teams'
import { removeTeamMemberAction } from './actions'

type Member = TeamOverview['members'][number]

/**
 * A team's members with their Remove buttons: the overview's first few and a page on the
 * team's own page. Its strings stay under settings.teamsPage, where the overview had them.
 */
export async function TeamMemberList({ org, team, members }: { org: string; team: { id: string; name: string }; members: Member[] }) {
  const tp = await getTranslations('settings.teamsPage')
  return (
    <ul aria-label={tp('membersOf', { name: team.name })} className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200">
      {members.map((m) => (
        <li key={m.userId} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
          <span>
            <span className={m.active ? 'font-medium text-slate-900' : 'text-slate-600'}>{m.name}</span>
            <span className="ml-2 text-slate-600">{m.email}</span>
            {m.role === 'admin' && <span className="ml-2"><Badge tone="indigo">{tp('admin')}</Badge></span>}
            {!m.active && <span className="ml-2"><Badge>{tp('deactivatedSkipped')}</Badge></span>}
            {m.role === 'requester' && <span className="ml-2"><Badge tone="amber">{tp('nowRequester')}</Badge></span>}
          </span>
          <ActionForm action={removeTeamMemberAction} fields={{ org, teamId: team.id, userId: m.userId }} variant="ghost"
            label={<>{tp('remove')}<span className="sr-only"> {tp('removeWho', { name: m.name, team: team.name })}</span></>} pendingLabel={tp('removing')} className="px-2 py-1 text-xs text-rose-700" />
        </li>
      ))}
    </ul>
  )
}
