import type { Metadata } from 'next'
import { Badge } from '@/components/ui/badge'
import { Card, PageHeader } from '@/components/ui/card'
import { listMembers } from '@/lib/members/members'
import { viewerTimeZone } from '@/lib/pages/guard'
import { formatTime } from '@/lib/format/time'
import { adminPageCtx } from '../admin-ctx'
import { AddMemberForm } from './add-member-form'
import { MemberActiveToggle } from './member-active-toggle'
import { MemberRoleForm } from './member-role-form'

export const metadata: Metadata = { title: 'Members' }

export default async function MembersPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params
  const ctx = await adminPageCtx(org)
  const [members, tz] = await Promise.all([listMembers(ctx), viewerTimeZone(ctx)])
  const active = members.filter((m) => m.active)
  const admins = active.filter((m) => m.role === 'admin').length
  return (
    <>
      <PageHeader title="Members" subtitle={`${active.length} active member${active.length === 1 ? '' : 's'} · ${admins} admin${admins === 1 ? '' : 's'}`} />
      <div className="space-y-6">
        <Card title="Add member">
          <AddMemberForm org={org} />
        </Card>
        <section aria-labelledby="members-heading" className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          <h2 id="members-heading" className="sr-only">All members</h2>
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-3">Name</th>
                <th scope="col" className="px-4 py-3">Email</th>
                <th scope="col" className="px-4 py-3">Role</th>
                <th scope="col" className="px-4 py-3">Status</th>
                <th scope="col" className="px-4 py-3">Joined</th>
                <th scope="col" className="px-4 py-3"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {members.map((m) => {
                const self = m.userId === ctx.user.id
                return (
                  <tr key={m.userId} className={m.active ? '' : 'bg-slate-50/60'}>
                    <td className="whitespace-nowrap px-4 py-3 align-top">
                      <span className={`font-medium ${m.active ? 'text-slate-900' : 'text-slate-500'}`}>{m.name}</span>
                      {self && <span className="ml-2 text-xs text-slate-500">(you)</span>}
                    </td>
                    <td className="whitespace-nowrap px-4 py-3 align-top text-slate-600">{m.email}</td>
                    <td className="px-4 py-2 align-top"><MemberRoleForm org={org} userId={m.userId} name={m.name} role={m.role} /></td>
                    <td className="px-4 py-3 align-top">{m.active ? <Badge tone="green">Active</Badge> : <Badge>Deactivated</Badge>}</td>
                    <td className="whitespace-nowrap px-4 py-3 align-top text-slate-600">{formatTime(m.since, tz, 'd MMM yyyy')}</td>
                    <td className="px-4 py-2 text-right align-top">
                      <MemberActiveToggle org={org} orgName={ctx.org.name} userId={m.userId} name={m.name} active={m.active} isSelf={self} />
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </section>
      </div>
    </>
  )
}
