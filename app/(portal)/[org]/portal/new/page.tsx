import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { Card, PageHeader } from '@/components/ui/card'
import { TicketForm } from '@/components/tickets/ticket-form'
import { pageCtx } from '@/lib/pages/guard'
import { listCategories } from '@/lib/tickets'
import { attachmentLimits } from '@/lib/attachments/limits'
import { createTicketAction } from '@/app/(staff)/[org]/tickets/actions'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('portal.newPage'))('title') }
}

export default async function NewRequestPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params
  const ctx = await pageCtx(org)
  const [categories, t] = await Promise.all([listCategories(ctx), getTranslations('portal.newPage')])
  return (
    <div>
      <PageHeader title={t('title')} subtitle={t('subtitle', { org: ctx.org.name })} />
      <Card><TicketForm org={org} categories={categories} onBehalf={false} action={createTicketAction} maxFileBytes={attachmentLimits(ctx.org.settings).maxFileBytes} /></Card>
    </div>
  )
}
