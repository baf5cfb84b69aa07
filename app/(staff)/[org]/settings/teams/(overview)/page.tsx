import { getTranslations } from 'next-intl/server'
import Link from 'next/link'
import { ActionForm } from '@/components/ui/action-form'
import { Badge } from '@/components/ui/badge'
import { Card, EmptyState, PageHeader } from '@/components/ui/card'
import { listTeams, teamUsage } from '@/lib/teams'
import { adminPageCtx } from '../../admin-ctx'
import { removeTeamMemberAction, deleteTeamAction } from '../actions'
import { AddTeamMemberForm } from '../add-member-form'
import { EditTeamButton } from '../edit-team-button'
import { TeamForm } from '../team-form'

export async function generateMetadata() {
  const t = await getTranslations('settings.teamsPage')
  return { title: t('title') }
}

export default async function TeamsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params
  const ctx = await adminPageCtx(org)
  const [teams, usage] = await Promise.all([listTeams(ctx), teamUsage(ctx)])
  const tp = await getTranslations('settings.teamsPage')
  const ts = await getTranslations('settings.strategies')
  const restricted = teams.filter((t) => t.restricted).length
  return (
    <>
      <PageHeader title={tp('title')} subtitle={`${tp('teamCount', { count: teams.length })}${restricted ? tp('restrictedCount', { count: restricted }) : ''}${tp('severalTeams')}`} />
      <div className="space-y-6">
        <Card title={tp('create')}>
          <TeamForm org={org} />
        </Card>
        {teams.length === 0 && (
          <EmptyState title={tp('emptyTitle')}>{tp('empty')}</EmptyState>
        )}
        {teams.map((t) => {
          const use = usage.get(t.id) ?? { openTickets: 0, rules: 0 }
          return (
            <section key={t.id} aria-labelledby={`team-${t.id}-h`} className="rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
              <header className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-100 px-4 py-3">
                <div className="flex flex-wrap items-center gap-2">
                  <h2 id={`team-${t.id}-h`} className="text-sm font-semibold text-slate-900">{t.name}</h2>
                  {t.restricted && <Badge tone="violet">{tp('restricted')}</Badge>}
                  {t.field && <Badge tone="blue">{tp('fieldTeam')}</Badge>}
                  <Badge>{ts(t.assignmentStrategy)}</Badge>
                </div>
                <div className="flex items-center gap-2">
                  <EditTeamButton org={org} team={{ id: t.id, name: t.name, restricted: t.restricted, field: t.field, assignmentStrategy: t.assignmentStrategy }} />
                  <ActionForm action={deleteTeamAction} fields={{ org, teamId: t.id }} label={<>{tp('delete')}<span className="sr-only"> {t.name}</span></>}
                    pendingLabel={tp('deleting')} className="px-2.5 py-1 text-xs" confirm={{
                      title: tp('confirmTitle', { name: t.name }),
                      confirmLabel: tp('confirmLabel'),
                      body: <>
                        {use.openTickets > 0 ? <>{tp('confirmOpenTickets', { count: use.openTickets })} </> : tp('confirmNoTickets') + ' '}
                        {use.rules > 0 ? <>{tp('confirmRules', { count: use.rules })} </> : ''}
                        {t.restricted && tp('confirmClearance') + ' '}
                        {tp('confirmUndone')}
                      </>,
                    }} />
                </div>
              </header>
              <div className="space-y-4 p-4">
                <p className="text-sm text-slate-600">
                  <Link className="text-indigo-700 hover:underline" href={`/${org}/tickets?queue=team:${t.id}`}>{tp('openTickets', { count: use.openTickets })}</Link>
                  {' · '}
                  <Link className="text-indigo-700 hover:underline" href={`/${org}/settings/routing`}>{tp('rules', { count: use.rules })}</Link>
                  {t.restricted && tp('seesSensitive')}
                </p>
                {t.members.length === 0 ? (
                  <p className="text-sm text-slate-600">{tp('noMembers')} {t.assignmentStrategy !== 'manual' && tp('waitInQueue')}</p>
                ) : (
                  <ul aria-label={tp('membersOf', { name: t.name })} className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200">
                    {t.members.map((m) => (
                      <li key={m.userId} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
                        <span>
                          <span className={m.active ? 'font-medium text-slate-900' : 'text-slate-600'}>{m.name}</span>
                          <span className="ml-2 text-slate-600">{m.email}</span>
                          {m.role === 'admin' && <span className="ml-2"><Badge tone="indigo">{tp('admin')}</Badge></span>}
                          {!m.active && <span className="ml-2"><Badge>{tp('deactivatedSkipped')}</Badge></span>}
                          {m.role === 'requester' && <span className="ml-2"><Badge tone="amber">{tp('nowRequester')}</Badge></span>}
                        </span>
                        <ActionForm action={removeTeamMemberAction} fields={{ org, teamId: t.id, userId: m.userId }} variant="ghost"
                          label={<>{tp('remove')}<span className="sr-only"> {tp('removeWho', { name: m.name, team: t.name })}</span></>} pendingLabel={tp('removing')} className="px-2 py-1 text-xs text-rose-700" />
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
