import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { Card, PageHeader } from '@/components/ui/card'
import { TicketForm } from '@/components/tickets/ticket-form'
import { pageCtx } from '@/lib/pages/guard'
import { listCategories } from '@/lib/tickets'
import { assignmentOptions } from '@/lib/tickets'
import { attachmentLimits } from '@/lib/attachments/limits'
import { createTicketAction } from '../actions'
import { addCallerAction } from './actions'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('tickets.newPage')
  return { title: t('title') }
}

export default async function NewTicketPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params
  const ctx = await pageCtx(org)
  const t = await getTranslations('tickets.newPage')
  // Team names only (one light query), not every member of every team.
  const [categories, { teams }] = await Promise.all([listCategories(ctx), assignmentOptions(ctx, { sensitive: false, teamId: null })])
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Card><TicketForm org={org} categories={categories} onBehalf teams={teams} action={createTicketAction} addCaller={addCallerAction} maxFileBytes={attachmentLimits(ctx.org.settings).maxFileBytes} /></Card>
    </div>
  )
}
