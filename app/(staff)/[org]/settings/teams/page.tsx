import type { Metadata } from 'next'
import Link from 'next/link'
import { ActionForm } from '@/components/ui/action-form'
import { Badge } from '@/components/ui/badge'
import { Card, EmptyState, PageHeader } from '@/components/ui/card'
import { listTeams, teamUsage } from '@/lib/teams'
import { strategyLabels } from '@/lib/teams/schemas'
import { adminPageCtx } from '../admin-ctx'
import { removeTeamMemberAction, deleteTeamAction } from './actions'
import { AddTeamMemberForm } from './add-member-form'
import { EditTeamButton } from './edit-team-button'
import { TeamForm } from './team-form'

export const metadata: Metadata = { title: 'Teams' }

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

export default async function TeamsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params
  const ctx = await adminPageCtx(org)
  const [teams, usage] = await Promise.all([listTeams(ctx), teamUsage(ctx)])
  const restricted = teams.filter((t) => t.restricted).length
  return (
    <>
      <PageHeader title="Teams" subtitle={`${plural(teams.length, 'team')}${restricted ? ` · ${restricted} restricted` : ''} · agents may sit in several teams`} />
      <div className="space-y-6">
        <Card title="Create team">
          <TeamForm org={org} />
        </Card>
        {teams.length === 0 && (
          <EmptyState title="No teams yet">Create a team, add agents to it, then send tickets to it with routing rules.</EmptyState>
        )}
        {teams.map((t) => {
          const use = usage.get(t.id) ?? { openTickets: 0, rules: 0 }
          return (
            <section key={t.id} aria-labelledby={`team-${t.id}-h`} className="rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
              <header className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-100 px-4 py-3">
                <div className="flex flex-wrap items-center gap-2">
                  <h2 id={`team-${t.id}-h`} className="text-sm font-semibold text-slate-900">{t.name}</h2>
                  {t.restricted && <Badge tone="violet">Restricted</Badge>}
                  {t.field && <Badge tone="blue">Field team</Badge>}
                  <Badge>{strategyLabels[t.assignmentStrategy]}</Badge>
                </div>
                <div className="flex items-center gap-2">
                  <EditTeamButton org={org} team={{ id: t.id, name: t.name, restricted: t.restricted, field: t.field, assignmentStrategy: t.assignmentStrategy }} />
                  <ActionForm action={deleteTeamAction} fields={{ org, teamId: t.id }} label={<>Delete<span className="sr-only"> {t.name}</span></>}
                    pendingLabel="Deleting…" className="px-2.5 py-1 text-xs" confirm={{
                      title: `Delete the team ${t.name}?`,
                      confirmLabel: 'Delete team',
                      body: <>
                        {use.openTickets > 0 ? <>Its {plural(use.openTickets, 'open ticket')} will leave the team and wait in the unassigned view; assignees keep them. </> : 'It has no open tickets. '}
                        {use.rules > 0 ? <>Its {plural(use.rules, 'routing rule')} will be deleted. </> : ''}
                        {t.restricted && 'Its members lose clearance for sensitive tickets. '}
                        This cannot be undone.
                      </>,
                    }} />
                </div>
              </header>
              <div className="space-y-4 p-4">
                <p className="text-sm text-slate-600">
                  <Link className="text-indigo-700 hover:underline" href={`/${org}/tickets?queue=team:${t.id}`}>{plural(use.openTickets, 'open ticket')}</Link>
                  {' · '}
                  <Link className="text-indigo-700 hover:underline" href={`/${org}/settings/routing`}>{plural(use.rules, 'routing rule')}</Link>
                  {t.restricted && ' · members may see sensitive tickets'}
                </p>
                {t.members.length === 0 ? (
                  <p className="text-sm text-slate-600">No members yet. {t.assignmentStrategy !== 'manual' && 'Tickets routed here wait in the queue until someone joins.'}</p>
                ) : (
                  <ul aria-label={`Members of ${t.name}`} className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200">
                    {t.members.map((m) => (
                      <li key={m.userId} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
                        <span>
                          <span className={m.active ? 'font-medium text-slate-900' : 'text-slate-600'}>{m.name}</span>
                          <span className="ml-2 text-slate-600">{m.email}</span>
                          {m.role === 'admin' && <span className="ml-2"><Badge tone="indigo">Admin</Badge></span>}
                          {!m.active && <span className="ml-2"><Badge>Deactivated — skipped when handing out</Badge></span>}
                          {m.role === 'requester' && <span className="ml-2"><Badge tone="amber">Now a requester — skipped</Badge></span>}
                        </span>
                        <ActionForm action={removeTeamMemberAction} fields={{ org, teamId: t.id, userId: m.userId }} variant="ghost"
                          label={<>Remove<span className="sr-only"> {m.name} from {t.name}</span></>} pendingLabel="Removing…" className="px-2 py-1 text-xs text-rose-700" />
                      </li>
                    ))}
                  </ul>
                )}
                {/* Candidates come from a type-ahead: the org may have thousands of agents. */}
                <AddTeamMemberForm org={org} teamId={t.id} teamName={t.name} />
              </div>
            </section>
          )
        })}
      </div>
    </>
  )
}
