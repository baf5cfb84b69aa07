import type { Metadata } from 'next'
import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { Badge } from '@/components/ui/badge'
import { buttonClass } from '@/components/ui/button'
import { Card, PageHeader } from '@/components/ui/card'
import { inputClass } from '@/components/ui/field'
import { listTeamMembers } from '@/lib/teams'
import { orNotFound } from '@/lib/pages/guard'
import { adminPageCtx } from '../../admin-ctx'
import { AddTeamMemberForm } from '../add-member-form'
import { TeamMemberList } from '../team-member-list'
import { teamOr404 } from './team-or-404'

type Props = { params: Promise<{ org: string; teamId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { org, teamId } = await params
  const team = await teamOr404(org, teamId)
  return { title: (await getTranslations('settings.teamPage'))('metaTitle', { name: team.name }) }
}

/** Everyone in one team, a page of 50 at a time in name order, searched by name or email in the database. */
export default async function TeamPage({ params, searchParams }: Props) {
  const { org, teamId } = await params
  const ctx = await adminPageCtx(org)
  const sp = await searchParams
  const { team, memberCount, members, nextCursor, query } = await orNotFound(listTeamMembers(ctx, teamId, { q: one(sp.q), after: one(sp.after) }))
  const [t, tp, ts] = await Promise.all([getTranslations('settings.teamPage'), getTranslations('settings.teamsPage'), getTranslations('settings.strategies')])
  const base = `/${org}/settings/teams/${team.id}`
  const href = (after?: string) => {
    const p = new URLSearchParams()
    if (query.q) p.set('q', query.q)
    if (after) p.set('after', after)
    return p.size ? `${base}?${p}` : base
  }
  return (
    <>
      <nav aria-label={t('breadcrumb')} className="mb-3 text-sm text-slate-600">
        <Link href={`/${org}/settings/teams`} className="hover:text-slate-800 hover:underline">{t('teams')}</Link>{' / '}{team.name}
      </nav>
      <PageHeader title={team.name} subtitle={<>
        {t('subtitle', { count: memberCount })}
        {team.restricted && <span className="ml-2"><Badge tone="violet">{tp('restricted')}</Badge></span>}
        {team.field && <span className="ml-2"><Badge tone="blue">{tp('fieldTeam')}</Badge></span>}
        <span className="ml-2"><Badge>{ts(team.assignmentStrategy)}</Badge></span>
      </>} />
      <div className="space-y-6">
        <Card title={t('addMember')}>
          {/* Candidates come from a type-ahead: the org may have thousands of agents. */}
          <AddTeamMemberForm org={org} teamId={team.id} teamName={team.name} />
        </Card>
        {/* A plain GET form: the search is in the URL, and a new search starts at the first page. */}
        <form method="get" action={base} role="search" aria-label={t('searchLabel', { name: team.name })}
          className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200">
          <div className="min-w-56 flex-1">
            <label htmlFor="team-member-q" className="block text-xs font-medium text-slate-600">{t('search')}</label>
            <input id="team-member-q" name="q" type="search" defaultValue={query.q} placeholder={t('placeholder')} autoComplete="off"
              maxLength={100} className={`${inputClass} py-1.5`} />
          </div>
          <button type="submit" className={buttonClass('secondary', 'py-1.5')}>{t('searchButton')}</button>
          {query.q && <a href={base} className="pb-2 text-sm text-slate-600 hover:text-slate-800">{t('clear')}</a>}
        </form>
        {members.length === 0 && (
          <p role="status" className="rounded-lg bg-white p-4 text-sm text-slate-600 shadow-sm ring-1 ring-slate-200">
            {query.q ? t('noMatch', { q: query.q }) : memberCount === 0 ? t('empty') : t('noneOnPage')}{' '}
            {(query.q || query.after) && <a href={base} className="font-medium text-indigo-600 hover:underline">{t('showAll')}</a>}
          </p>
        )}
        {members.length > 0 && <TeamMemberList org={org} team={team} members={members} />}
        {(nextCursor || query.after) && (
          // Plain links (a full page load), as the members list's pager: vercel/next.js#83386.
          <nav aria-label={t('pages')} className="flex items-center justify-between">
            {query.after ? <a href={href()} className={buttonClass('secondary')}>{t('firstPage')}</a> : <span />}
            {nextCursor ? <a href={href(nextCursor)} rel="next" className={buttonClass('secondary')}>{t('nextPage')}</a> : <span />}
          </nav>
        )}
      </div>
    </>
  )
}
