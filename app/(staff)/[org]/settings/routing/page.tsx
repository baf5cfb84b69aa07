import { getTranslations } from 'next-intl/server'
import Link from 'next/link'
import { ActionForm } from '@/components/ui/action-form'
import { Badge } from '@/components/ui/badge'
import { Card, EmptyState, PageHeader } from '@/components/ui/card'
import { listRules } from '@/lib/routing'
import { listTeams } from '@/lib/teams'
import { listCategories } from '@/lib/tickets'
import { adminPageCtx } from '../admin-ctx'
import { deleteRuleAction, moveRuleAction } from './actions'
import { RuleConditions } from './conditions'
import { EditRuleButton } from './edit-rule-button'
import { RoutePreviewForm } from './preview-form'
import { RuleForm } from './rule-form'
import { tableHead } from '@/components/ui/table'

export async function generateMetadata() {
  const t = await getTranslations('settings.routingPage')
  return { title: t('title') }
}

export default async function RoutingPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params
  const ctx = await adminPageCtx(org)
  const [rules, teams, categories] = await Promise.all([listRules(ctx), listTeams(ctx), listCategories(ctx)])
  const t = await getTranslations('settings.routingPage')
  const ts = await getTranslations('settings.strategies')
  const teamOptions = teams.map((t) => ({ id: t.id, name: t.name, restricted: t.restricted }))
  const strategyOf = new Map(teams.map((team) => [team.id, ts(team.assignmentStrategy)]))
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <div className="space-y-6">
        <section aria-labelledby="rules-h" className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          <h2 id="rules-h" className="border-b border-slate-100 px-4 py-3 text-sm font-semibold text-slate-900">{t('rulesHeading')}</h2>
          {rules.length === 0 ? (
            <div className="p-4">
              <EmptyState title={t('emptyTitle')}>
                {teams.length === 0 ? t.rich('emptyNoTeams', { link: (c) => <Link className="text-indigo-700 underline hover:text-indigo-900" href={`/${org}/settings/teams`}>{c}</Link> }) : t('empty')}
              </EmptyState>
            </div>
          ) : (
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <thead className={tableHead}>
                <tr>
                  <th scope="col" className="px-4 py-3">#</th>
                  <th scope="col" className="px-4 py-3">{t('colRule')}</th>
                  <th scope="col" className="px-4 py-3">{t('colWhen')}</th>
                  <th scope="col" className="px-4 py-3">{t('colSendTo')}</th>
                  <th scope="col" className="px-4 py-3"><span className="sr-only">{t('colActions')}</span></th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rules.map(({ rule: r, team, teamRestricted, category }, i) => (
                  <tr key={r.id} className={r.active ? '' : 'bg-slate-50/60 text-slate-600'}>
                    <td className="px-4 py-3 align-top tabular-nums text-slate-600">{i + 1}</td>
                    <td className="px-4 py-3 align-top">
                      <span className="font-medium text-slate-900">{r.name}</span>
                      {!r.active && <span className="ml-2"><Badge>{t('inactive')}</Badge></span>}
                    </td>
                    <td className="px-4 py-3 align-top text-slate-700">
                      <RuleConditions category={category} priorities={r.priorities} keywords={r.keywords} domains={r.requesterDomains} />
                    </td>
                    <td className="whitespace-nowrap px-4 py-3 align-top">
                      <span className="font-medium text-slate-900">{team}</span>
                      {teamRestricted && <span className="ml-2"><Badge tone="violet">{t('restricted')}</Badge></span>}
                      <span className="block text-xs text-slate-600">{strategyOf.get(r.teamId)}</span>
                    </td>
                    <td className="whitespace-nowrap px-4 py-2 text-right align-top">
                      <div className="flex items-center justify-end gap-1">
                        {i > 0 && <ActionForm action={moveRuleAction} fields={{ org, ruleId: r.id, direction: 'up' }} variant="ghost" className="px-2 py-1 text-xs"
                          label={<><span aria-hidden>{'↑'}</span><span className="sr-only">{t('moveUp', { name: r.name })}</span></>} pendingLabel="…" />}
                        {i < rules.length - 1 && <ActionForm action={moveRuleAction} fields={{ org, ruleId: r.id, direction: 'down' }} variant="ghost" className="px-2 py-1 text-xs"
                          label={<><span aria-hidden>{'↓'}</span><span className="sr-only">{t('moveDown', { name: r.name })}</span></>} pendingLabel="…" />}
                        <EditRuleButton org={org} teams={teamOptions} categories={categories} rule={{
                          id: r.id, name: r.name, teamId: r.teamId, categoryId: r.categoryId, priorities: r.priorities,
                          keywords: r.keywords, requesterDomains: r.requesterDomains, active: r.active,
                        }} />
                        <ActionForm action={deleteRuleAction} fields={{ org, ruleId: r.id }} variant="ghost" className="px-2 py-1 text-xs text-rose-700"
                          label={<>{t('delete')}<span className="sr-only"> {t('deleteWho', { name: r.name })}</span></>} pendingLabel={t('deleting')}
                          confirm={{ title: t('confirmTitle', { name: r.name }), body: t('confirmBody'), confirmLabel: t('confirmLabel') }} />
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <p className="text-xs text-slate-600">
          {t('sensitiveNote')}
          {' '}{t.rich('teamNote', { link: (c) => <Link className="text-indigo-700 underline hover:text-indigo-900" href={`/${org}/settings/teams`}>{c}</Link> })}
        </p>

        {teams.length > 0 && (
          <Card title={t('addRule')}>
            <RuleForm org={org} teams={teamOptions} categories={categories} />
          </Card>
        )}
        <Card title={t('previewTitle')}>
          <RoutePreviewForm org={org} categories={categories} defaultEmail={ctx.user.email} />
        </Card>
      </div>
    </>
  )
}
