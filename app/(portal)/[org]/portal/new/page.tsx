import type { Metadata } from 'next'
import { Card, PageHeader } from '@/components/ui/card'
import { TicketForm } from '@/components/tickets/ticket-form'
import { pageCtx } from '@/lib/pages/guard'
import { listCategories } from '@/lib/tickets'
import { attachmentLimits } from '@/lib/attachments/limits'
import { createTicketAction } from '@/app/(staff)/[org]/tickets/actions'

export const metadata: Metadata = { title: 'New request' }

export default async function NewRequestPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params
  const ctx = await pageCtx(org)
  const categories = await listCategories(ctx)
  return (
    <div>
      <PageHeader title="New request" subtitle={`Tell ${ctx.org.name} what you need. You'll be able to follow the answer here.`} />
      <Card><TicketForm org={org} categories={categories} onBehalf={false} action={createTicketAction} maxFileBytes={attachmentLimits(ctx.org.settings).maxFileBytes} /></Card>
    </div>
  )
}
