import type { Metadata } from 'next'
import Link from 'next/link'
import { ActionForm } from '@/components/ui/action-form'
import { Badge } from '@/components/ui/badge'
import { Card, EmptyState, PageHeader } from '@/components/ui/card'
import { listRules } from '@/lib/routing'
import { listTeams } from '@/lib/teams'
import { strategyLabels } from '@/lib/teams/schemas'
import { listCategories } from '@/lib/tickets'
import { adminPageCtx } from '../admin-ctx'
import { deleteRuleAction, moveRuleAction } from './actions'
import { RuleConditions } from './conditions'
import { EditRuleButton } from './edit-rule-button'
import { RoutePreviewForm } from './preview-form'
import { RuleForm } from './rule-form'

export const metadata: Metadata = { title: 'Routing' }

export default async function RoutingPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params
  const ctx = await adminPageCtx(org)
  const [rules, teams, categories] = await Promise.all([listRules(ctx), listTeams(ctx), listCategories(ctx)])
  const teamOptions = teams.map((t) => ({ id: t.id, name: t.name, restricted: t.restricted }))
  const strategyOf = new Map(teams.map((t) => [t.id, strategyLabels[t.assignmentStrategy]]))
  return (
    <>
      <PageHeader title="Routing" subtitle="New tickets without a team go to the team of the first rule that matches; the team then hands them out." />
      <div className="space-y-6">
        <section aria-labelledby="rules-h" className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          <h2 id="rules-h" className="border-b border-slate-100 px-4 py-3 text-sm font-semibold text-slate-900">Rules, in the order they are tried</h2>
          {rules.length === 0 ? (
            <div className="p-4">
              <EmptyState title="No routing rules yet">
                {teams.length === 0 ? <>First <Link className="text-indigo-700 underline hover:text-indigo-900" href={`/${org}/settings/teams`}>create a team</Link>, then add a rule below.</> : 'Add a rule below; until then new tickets wait in the unassigned queue.'}
              </EmptyState>
            </div>
          ) : (
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
                <tr>
                  <th scope="col" className="px-4 py-3">#</th>
                  <th scope="col" className="px-4 py-3">Rule</th>
                  <th scope="col" className="px-4 py-3">When</th>
                  <th scope="col" className="px-4 py-3">Send to</th>
                  <th scope="col" className="px-4 py-3"><span className="sr-only">Actions</span></th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rules.map(({ rule: r, team, teamRestricted, category }, i) => (
                  <tr key={r.id} className={r.active ? '' : 'bg-slate-50/60 text-slate-600'}>
                    <td className="px-4 py-3 align-top tabular-nums text-slate-600">{i + 1}</td>
                    <td className="px-4 py-3 align-top">
                      <span className="font-medium text-slate-900">{r.name}</span>
                      {!r.active && <span className="ml-2"><Badge>Inactive</Badge></span>}
                    </td>
                    <td className="px-4 py-3 align-top text-slate-700">
                      <RuleConditions category={category} priorities={r.priorities} keywords={r.keywords} domains={r.requesterDomains} />
                    </td>
                    <td className="whitespace-nowrap px-4 py-3 align-top">
                      <span className="font-medium text-slate-900">{team}</span>
                      {teamRestricted && <span className="ml-2"><Badge tone="violet">Restricted</Badge></span>}
                      <span className="block text-xs text-slate-600">{strategyOf.get(r.teamId)}</span>
                    </td>
                    <td className="whitespace-nowrap px-4 py-2 text-right align-top">
                      <div className="flex items-center justify-end gap-1">
                        {i > 0 && <ActionForm action={moveRuleAction} fields={{ org, ruleId: r.id, direction: 'up' }} variant="ghost" className="px-2 py-1 text-xs"
                          label={<><span aria-hidden>↑</span><span className="sr-only">Move {r.name} up</span></>} pendingLabel="…" />}
                        {i < rules.length - 1 && <ActionForm action={moveRuleAction} fields={{ org, ruleId: r.id, direction: 'down' }} variant="ghost" className="px-2 py-1 text-xs"
                          label={<><span aria-hidden>↓</span><span className="sr-only">Move {r.name} down</span></>} pendingLabel="…" />}
                        <EditRuleButton org={org} teams={teamOptions} categories={categories} rule={{
                          id: r.id, name: r.name, teamId: r.teamId, categoryId: r.categoryId, priorities: r.priorities,
                          keywords: r.keywords, requesterDomains: r.requesterDomains, active: r.active,
                        }} />
                        <ActionForm action={deleteRuleAction} fields={{ org, ruleId: r.id }} variant="ghost" className="px-2 py-1 text-xs text-rose-700"
                          label={<>Delete<span className="sr-only"> rule {r.name}</span></>} pendingLabel="Deleting…"
                          confirm={{ title: `Delete the rule “${r.name}”?`, body: 'Tickets already routed keep their team. New tickets are checked against the remaining rules.', confirmLabel: 'Delete rule' }} />
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <p className="text-xs text-slate-600">
          A sensitive ticket only ever reaches a restricted team: rules for other teams are passed over, and if only those match it goes to the first restricted team.
          Inside a team, tickets go round-robin or to the member with the fewest open tickets (set on the <Link className="text-indigo-700 underline hover:text-indigo-900" href={`/${org}/settings/teams`}>Teams</Link> page); deactivated members are skipped.
        </p>

        {teams.length > 0 && (
          <Card title="Add rule">
            <RuleForm org={org} teams={teamOptions} categories={categories} />
          </Card>
        )}
        <Card title="Which rule would match this ticket?">
          <RoutePreviewForm org={org} categories={categories} defaultEmail={ctx.user.email} />
        </Card>
      </div>
    </>
  )
}
