import type { Metadata } from 'next'
import Link from 'next/link'
import { ActionForm } from '@/components/ui/action-form'
import { Badge } from '@/components/ui/badge'
import { Card, EmptyState, PageHeader } from '@/components/ui/card'
import { listCategories } from '@/lib/tickets'
import { getCalendar, listPolicies } from '@/lib/sla'
import { formatMinutes } from '@/lib/sla/format'
import { slaCompliance } from '@/lib/sla'
import { reportPeriods, type TargetCompliance } from '@/lib/sla/report'
import { adminPageCtx } from '../admin-ctx'
import { deletePolicyAction } from './actions'
import { CalendarForm } from './calendar-form'
import { EditPolicyButton } from './edit-policy-button'
import { PolicyForm } from './policy-form'

export const metadata: Metadata = { title: 'SLA' }

const priorityOrder = { urgent: 0, high: 1, normal: 2, low: 3 } as const
const cap = (s: string) => s[0].toUpperCase() + s.slice(1)

export default async function SlaSettingsPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<{ days?: string }> }) {
  const { org } = await params
  const ctx = await adminPageCtx(org)
  const [policies, categories, calendar, report] = await Promise.all([
    listPolicies(ctx), listCategories(ctx), getCalendar(ctx), slaCompliance(ctx, { days: (await searchParams).days }),
  ])
  const sorted = [...policies].sort((a, b) => Number(a.categoryId !== null) - Number(b.categoryId !== null)
    || (a.category ?? '').localeCompare(b.category ?? '') || priorityOrder[a.priority] - priorityOrder[b.priority])
  const options = categories.map((c) => ({ id: c.id, name: c.name }))
  return (
    <>
      <PageHeader title="SLA" subtitle="Response and resolution targets per priority, the business calendar they count in, and how well they are kept." />
      <div className="space-y-6">
        <Card title="Compliance" actions={
          <nav aria-label="Report period" className="flex gap-1 text-xs">
            {reportPeriods.map((d) => (
              <Link key={d} href={`?days=${d}`} aria-current={report.days === d ? 'page' : undefined}
                className={`rounded px-2 py-1 ${report.days === d ? 'bg-indigo-50 font-semibold text-indigo-700' : 'text-slate-600 hover:bg-slate-100'}`}>
                Last {d} days
              </Link>
            ))}
          </nav>
        }>
          <p className="mb-3 text-sm text-slate-600">{report.total.toLocaleString('en')} ticket{report.total === 1 ? '' : 's'} with a policy created in the last {report.days} days.</p>
          <dl className="grid gap-4 sm:grid-cols-2">
            <Compliance label="First response" c={report.response} />
            <Compliance label="Resolution" c={report.resolution} />
          </dl>
        </Card>

        <section aria-labelledby="policies-h" className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          <h2 id="policies-h" className="border-b border-slate-100 px-4 py-3 text-sm font-semibold text-slate-900">Policies</h2>
          {sorted.length === 0 ? (
            <div className="p-4"><EmptyState title="No SLA policies yet">Tickets get no deadlines until a policy covers their priority. Add one below.</EmptyState></div>
          ) : (
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
                <tr>
                  <th scope="col" className="px-4 py-3">Priority</th>
                  <th scope="col" className="px-4 py-3">Category</th>
                  <th scope="col" className="px-4 py-3">First response</th>
                  <th scope="col" className="px-4 py-3">Resolution</th>
                  <th scope="col" className="px-4 py-3">Clock</th>
                  <th scope="col" className="px-4 py-3">Status</th>
                  <th scope="col" className="px-4 py-3"><span className="sr-only">Actions</span></th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {sorted.map((p) => {
                  const name = `${cap(p.priority)} · ${p.category ?? 'All categories'}`
                  return (
                    <tr key={p.id} className={p.active ? '' : 'bg-slate-50/60 text-slate-600'}>
                      <td className="whitespace-nowrap px-4 py-3 align-top font-medium">{cap(p.priority)}</td>
                      <td className="whitespace-nowrap px-4 py-3 align-top">{p.category ?? <span className="text-slate-600">All categories</span>}</td>
                      <td className="whitespace-nowrap px-4 py-3 align-top tabular-nums">{formatMinutes(p.responseMinutes)}</td>
                      <td className="whitespace-nowrap px-4 py-3 align-top tabular-nums">{formatMinutes(p.resolutionMinutes)}</td>
                      <td className="whitespace-nowrap px-4 py-3 align-top">{p.businessHours ? 'Business hours' : '24/7'}</td>
                      <td className="px-4 py-3 align-top">{p.active ? <Badge tone="green">Active</Badge> : <Badge>Inactive</Badge>}</td>
                      <td className="px-4 py-2 align-top">
                        <div className="flex items-start justify-end gap-1">
                          <EditPolicyButton org={org} name={name} categories={options} weekly={calendar.weekly} timeZone={calendar.timeZone} policy={{ id: p.id, priority: p.priority, categoryId: p.categoryId, responseMinutes: p.responseMinutes, resolutionMinutes: p.resolutionMinutes, businessHours: p.businessHours, active: p.active }} />
                          <ActionForm action={deletePolicyAction} fields={{ org, id: p.id }} label="Delete" pendingLabel="Deleting…" variant="ghost" className="px-2 py-1.5 text-rose-700"
                            confirm={{ title: `Delete the ${name} policy?`, body: 'New tickets of this kind get no SLA (or the priority default). Tickets that already have deadlines keep them.', confirmLabel: 'Delete policy' }} />
                        </div>
                      </td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          )}
        </section>

        <Card title="Add policy">
          <PolicyForm org={org} categories={options} weekly={calendar.weekly} timeZone={calendar.timeZone} />
        </Card>

        <Card title="Business calendar">
          <CalendarForm org={org} calendar={calendar} timeZones={Intl.supportedValuesOf('timeZone')} />
        </Card>
      </div>
    </>
  )
}

function Compliance({ label, c }: { label: string; c: TargetCompliance }) {
  const tone = c.percent === null ? 'text-slate-600' : c.percent >= 90 ? 'text-emerald-700' : c.percent >= 75 ? 'text-amber-700' : 'text-rose-700'
  return (
    <div className="rounded-md bg-slate-50 p-3 ring-1 ring-slate-200">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-600">{label}</dt>
      <dd className={`mt-1 text-2xl font-semibold tabular-nums ${tone}`}>{c.percent === null ? '—' : `${c.percent} %`}</dd>
      <dd className="mt-1 text-xs text-slate-600">{c.met} met · {c.breached} breached{c.running ? ` · ${c.running} still running` : ''}</dd>
    </div>
  )
}
