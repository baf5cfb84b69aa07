import { getTranslations } from 'next-intl/server'
import Link from 'next/link'
import { ActionForm } from '@/components/ui/action-form'
import { Badge } from '@/components/ui/badge'
import { Card, EmptyState, PageHeader } from '@/components/ui/card'
import { teamsOverview, teamUsage } from '@/lib/teams'
import { adminPageCtx } from '../../admin-ctx'
import { deleteTeamAction } from '../actions'
import { AddTeamMemberForm } from '../add-member-form'
import { EditTeamButton } from '../edit-team-button'
import { TeamForm } from '../team-form'
import { TeamMemberList } from '../team-member-list'

export async function generateMetadata() {
  const t = await getTranslations('settings.teamsPage')
  return { title: t('title') }
}

export default async function TeamsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params
  const ctx = await adminPageCtx(org)
  // Each card shows a team's first few members; the rest are on the team's own page (issue 15:
  // a large org's teams hold over a thousand agents, and every one of them was rendered here).
  const [teams, usage] = await Promise.all([teamsOverview(ctx), teamUsage(ctx)])
  const tp = await getTranslations('settings.teamsPage')
  const ts = await getTranslations('settings.strategies')
  const restricted = teams.filter((t) => t.restricted).length
  // Not prefetched: one request per team card, each looking its team up, for links rarely followed.
  const teamHref = (id: string) => `/${org}/settings/teams/${id}`
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
                  <h2 id={`team-${t.id}-h`} className="text-sm font-semibold text-slate-900">
                    <Link className="hover:text-indigo-700 hover:underline" href={teamHref(t.id)} prefetch={false}>{t.name}</Link>
                  </h2>
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
                  <TeamMemberList org={org} team={t} members={t.members} />
                )}
                {t.memberCount > t.members.length && (
                  <p className="text-sm">
                    <Link className="font-medium text-indigo-700 hover:underline" href={teamHref(t.id)} prefetch={false}>
                      {tp('allMembers', { count: t.memberCount })}<span className="sr-only"> {tp('ofTeam', { name: t.name })}</span>
                    </Link>
                  </p>
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
