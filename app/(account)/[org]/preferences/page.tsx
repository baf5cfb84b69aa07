import type { Metadata } from 'next'
import Link from 'next/link'
import { Card, PageHeader } from '@/components/ui/card'
import { isStaffRole } from '@/lib/authz/permissions'
import { getMyPhone, getPreferences } from '@/lib/notifications'
import { eventLabels } from '@/lib/notifications/schemas'
import { pageCtx } from '@/lib/pages/guard'
import { savePreferencesAction } from '../notifications/actions'
import { PhoneForm } from './phone-form'
import { PreferencesForm } from './preferences-form'

export const metadata: Metadata = { title: 'Notification preferences' }

// Requesters only ever hear about their own requests (§10): the other events never reach them.
const requesterEvents = new Set(['ticket.created', 'ticket.replied', 'ticket.status_changed', 'ticket.resolved'])

export default async function PreferencesPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params
  const ctx = await pageCtx(org)
  const [prefs, phone] = await Promise.all([getPreferences(ctx), getMyPhone(ctx)])
  const staff = isStaffRole(ctx.role)
  const rows = prefs.filter((p) => staff || requesterEvents.has(p.event)).map((p) => ({ ...p, label: eventLabels[p.event] }))
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-3 text-sm text-slate-600">
        <Link href={`/${org}/notifications`} className="hover:text-slate-800 hover:underline">Notifications</Link> / Preferences
      </nav>
      <PageHeader title="Notification preferences"
        subtitle={`Choose how ${ctx.org.name} tells you about things. Emails go to ${ctx.user.email}.`} />
      <PreferencesForm org={org} rows={rows} action={savePreferencesAction} />
      <div className="mt-6"><Card title="Text messages"><PhoneForm org={org} phone={phone} /></Card></div>
      <p className="mt-6 text-sm text-slate-600">
        Two-factor sign-in and linked sign-in providers are on your <Link href={`/${org}/security`} className="font-medium text-indigo-600 hover:underline">security page</Link>.
      </p>
    </>
  )
}
