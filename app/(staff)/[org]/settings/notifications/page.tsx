import { getTranslations } from 'next-intl/server'
import { Card, PageHeader } from '@/components/ui/card'
import { getInboundSettings, getNotificationSettings } from '@/lib/notifications'
import { adminPageCtx } from '../admin-ctx'
import { EmailForm } from './email-form'
import { EventForm } from './event-form'
import { eventKey } from './event-key'
import { GeneralForm } from './general-form'

export async function generateMetadata() {
  const t = await getTranslations('settings.notificationsPage')
  return { title: t('title') }
}

export default async function NotificationSettingsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params
  const ctx = await adminPageCtx(org)
  const [s, inbound] = await Promise.all([getNotificationSettings(ctx), getInboundSettings(ctx)])
  const t = await getTranslations('settings.notificationsPage')
  const te = await getTranslations('settings.eventForm.events')
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <div className="space-y-6">
        <Card title={t('general')}>
          <GeneralForm org={org} autoCloseDays={s.autoCloseDays} smsWebhook={s.smsWebhook} activeWebhooks={s.activeWebhooks} />
        </Card>
        <Card title={t('email')}>
          <EmailForm org={org} {...inbound} />
        </Card>
        {s.events.map((e) => (
          <Card key={e.event} title={te(`${eventKey(e.event)}.title`)}>
            <EventForm org={org} value={e} />
          </Card>
        ))}
      </div>
    </>
  )
}
