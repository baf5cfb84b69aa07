import type { Metadata } from 'next'
import { CannedRepliesManager } from '@/components/canned-replies/canned-replies-manager'
import { PageHeader } from '@/components/ui/card'
import { listCannedReplies } from '@/lib/canned-replies'
import { adminPageCtx } from '../admin-ctx'
import { createCannedReplyAction, deleteCannedReplyAction, updateCannedReplyAction } from '../../../../(account)/[org]/canned-replies/actions'

export const metadata: Metadata = { title: 'Canned replies' }

export default async function CannedRepliesSettingsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params
  const ctx = await adminPageCtx(org)
  const replies = await listCannedReplies(ctx)
  return (
    <>
      <PageHeader title="Canned replies" subtitle="Shared replies every agent can insert; agents keep personal ones on their own page." />
      <CannedRepliesManager org={org} replies={replies} isAdmin
        actions={{ create: createCannedReplyAction, update: updateCannedReplyAction, remove: deleteCannedReplyAction }} />
    </>
  )
}
