import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { CannedRepliesManager } from '@/components/canned-replies/canned-replies-manager'
import { PageHeader } from '@/components/ui/card'
import { isStaffRole } from '@/lib/authz/permissions'
import { listCannedReplies } from '@/lib/canned-replies'
import { pageCtx } from '@/lib/pages/guard'
import { createCannedReplyAction, deleteCannedReplyAction, updateCannedReplyAction } from './actions'

export const metadata: Metadata = { title: 'Canned replies' }

/** Every agent's own canned replies (and the shared ones, read-only unless admin). */
export default async function MyCannedRepliesPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params
  const ctx = await pageCtx(org)
  if (!isStaffRole(ctx.role)) redirect(`/no-access?org=${encodeURIComponent(org)}`)
  const replies = await listCannedReplies(ctx)
  return (
    <>
      <PageHeader title="Canned replies" subtitle="Saved answers you insert from a ticket's reply box. Yours are yours alone; admins manage the shared ones." />
      <CannedRepliesManager org={org} replies={replies} isAdmin={ctx.role === 'admin'}
        actions={{ create: createCannedReplyAction, update: updateCannedReplyAction, remove: deleteCannedReplyAction }} />
    </>
  )
}
