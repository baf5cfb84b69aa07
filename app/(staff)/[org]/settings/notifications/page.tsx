import type { Metadata } from 'next'
import { Card, PageHeader } from '@/components/ui/card'
import { getInboundSettings, getNotificationSettings } from '@/lib/notifications'
import { eventTitles } from '@/lib/notifications/org-settings'
import { adminPageCtx } from '../admin-ctx'
import { EmailForm } from './email-form'
import { EventForm } from './event-form'
import { GeneralForm } from './general-form'

export const metadata: Metadata = { title: 'Notifications' }

export default async function NotificationSettingsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params
  const ctx = await adminPageCtx(org)
  const [s, inbound] = await Promise.all([getNotificationSettings(ctx), getInboundSettings(ctx)])
  return (
    <>
      <PageHeader title="Notifications" subtitle="Which events notify whom, in which words, and through which channels. Each person can still turn events off for themselves." />
      <div className="space-y-6">
        <Card title="General">
          <GeneralForm org={org} autoCloseDays={s.autoCloseDays} smsWebhook={s.smsWebhook} activeWebhooks={s.activeWebhooks} />
        </Card>
        <Card title="Email">
          <EmailForm org={org} {...inbound} />
        </Card>
        {s.events.map((e) => (
          <Card key={e.event} title={eventTitles[e.event].title}>
            <EventForm org={org} value={e} />
          </Card>
        ))}
      </div>
    </>
  )
}
