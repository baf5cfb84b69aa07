import { getLocale, getTranslations } from 'next-intl/server'
import { Badge } from '@/components/ui/badge'
import { Card, PageHeader } from '@/components/ui/card'
import { PrevNextPager } from '@/components/ui/pager'
import { memberCounts, searchMembers } from '@/lib/members'
import { viewerTimeZone } from '@/lib/pages/guard'
import { formatNumber, formatTime } from '@/lib/format/time'
import type { Locale } from '@/lib/i18n/config'
import { adminPageCtx } from '../admin-ctx'
import { AddMemberForm } from './add-member-form'
import { MemberActiveToggle } from './member-active-toggle'
import { MemberFilters } from './member-filters'
import { MemberRoleForm } from './member-role-form'
import { tableHead } from '@/components/ui/table'

export async function generateMetadata() {
  const t = await getTranslations('settings.membersPage')
  return { title: t('title') }
}

type Search = Record<string, string | string[] | undefined>

export default async function MembersPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<Search> }) {
  const { org } = await params
  const ctx = await adminPageCtx(org)
  // A page of 50, searched and filtered in the database: a large org has 120,000 members.
  const [{ query, rows: members, next, prev }, counts, tz] = await Promise.all([searchMembers(ctx, await searchParams), memberCounts(ctx), viewerTimeZone(ctx)])
  const t = await getTranslations('settings.membersPage')
  const locale = (await getLocale()) as Locale
  const filtered = !!(query.q || query.role || query.status)
  const href = (cursor: { after?: string; before?: string }) => {
    const p = new URLSearchParams()
    for (const key of ['q', 'role', 'status'] as const) if (query[key]) p.set(key, String(query[key]))
    if (cursor.after) p.set('after', cursor.after)
    if (cursor.before) p.set('before', cursor.before)
    return `/${org}/settings/members${p.size ? `?${p}` : ''}`
  }
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle', { active: counts.active, activeText: formatNumber(counts.active, locale), admins: counts.admins })} />
      <div className="space-y-6">
        <Card title={t('addMember')}>
          <AddMemberForm org={org} />
        </Card>
        <MemberFilters values={{ q: query.q, role: query.role ?? '', status: query.status ?? '' }} />
        {members.length === 0 && (
          <p role="status" className="rounded-lg bg-white p-4 text-sm text-slate-600 shadow-sm ring-1 ring-slate-200">
            {filtered ? t('noMatch') : t('noneOnPage')}{' '}
            <a href={`/${org}/settings/members`} className="font-medium text-indigo-600 hover:underline">{t('showAll')}</a>
          </p>
        )}
        {members.length > 0 && <section aria-labelledby="members-heading" className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          <h2 id="members-heading" className="sr-only">{filtered ? t('matching') : t('all')}</h2>
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className={tableHead}>
              <tr>
                <th scope="col" className="px-4 py-3">{t('colName')}</th>
                <th scope="col" className="px-4 py-3">{t('colEmail')}</th>
                <th scope="col" className="px-4 py-3">{t('colRole')}</th>
                <th scope="col" className="px-4 py-3">{t('colStatus')}</th>
                <th scope="col" className="px-4 py-3">{t('colJoined')}</th>
                <th scope="col" className="px-4 py-3"><span className="sr-only">{t('colActions')}</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {members.map((m) => {
                const self = m.userId === ctx.user.id
                return (
                  <tr key={m.userId} className={m.active ? '' : 'bg-slate-50/60'}>
                    <td className="whitespace-nowrap px-4 py-3 align-top">
                      <span className={`font-medium ${m.active ? 'text-slate-900' : 'text-slate-600'}`}>{m.name}</span>
                      {self && <span className="ml-2 text-xs text-slate-600">{t('you')}</span>}
                    </td>
                    <td className="whitespace-nowrap px-4 py-3 align-top text-slate-600">{m.email}</td>
                    <td className="px-4 py-2 align-top"><MemberRoleForm org={org} userId={m.userId} name={m.name} role={m.role} /></td>
                    <td className="px-4 py-3 align-top">{m.active ? <Badge tone="green">{t('active')}</Badge> : <Badge>{t('deactivated')}</Badge>}</td>
                    <td className="whitespace-nowrap px-4 py-3 align-top text-slate-600">{formatTime(m.since, tz, 'd MMM yyyy', locale)}</td>
                    <td className="px-4 py-2 text-right align-top">
                      <MemberActiveToggle org={org} orgName={ctx.org.name} userId={m.userId} name={m.name} active={m.active} isSelf={self} />
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </section>}
        <PrevNextPager label={t('pages')} className="" prevHref={prev ? href({ before: prev }) : null} nextHref={next ? href({ after: next }) : null} />
      </div>
    </>
  )
}
