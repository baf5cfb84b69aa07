import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { CannedRepliesManager } from '@/components/canned-replies/canned-replies-manager'
import { PageHeader } from '@/components/ui/card'
import { isStaffRole } from '@/lib/authz/permissions'
import { listCannedReplies } from '@/lib/canned-replies'
import { pageCtx } from '@/lib/pages/guard'
import { createCannedReplyAction, deleteCannedReplyAction, updateCannedReplyAction } from './actions'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('account.cannedRepliesPage'))('title') }
}

/** Every agent's own canned replies (and the shared ones, read-only unless admin). */
export default async function MyCannedRepliesPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params
  const ctx = await pageCtx(org)
  if (!isStaffRole(ctx.role)) redirect(`/no-access?org=${encodeURIComponent(org)}`)
  const [replies, t] = await Promise.all([listCannedReplies(ctx), getTranslations('account.cannedRepliesPage')])
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <CannedRepliesManager org={org} replies={replies} isAdmin={ctx.role === 'admin'}
        actions={{ create: createCannedReplyAction, update: updateCannedReplyAction, remove: deleteCannedReplyAction }} />
    </>
  )
}
