import { getTranslations } from 'next-intl/server'
import { CannedRepliesManager } from '@/components/canned-replies/canned-replies-manager'
import { PageHeader } from '@/components/ui/card'
import { listCannedReplies } from '@/lib/canned-replies'
import { adminPageCtx } from '../admin-ctx'
import { createCannedReplyAction, deleteCannedReplyAction, updateCannedReplyAction } from '../../../../(account)/[org]/canned-replies/actions'

export async function generateMetadata() {
  const t = await getTranslations('settings.cannedRepliesPage')
  return { title: t('title') }
}

export default async function CannedRepliesSettingsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params
  const ctx = await adminPageCtx(org)
  const replies = await listCannedReplies(ctx)
  const t = await getTranslations('settings.cannedRepliesPage')
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <CannedRepliesManager org={org} replies={replies} isAdmin
        actions={{ create: createCannedReplyAction, update: updateCannedReplyAction, remove: deleteCannedReplyAction }} />
    </>
  )
}
