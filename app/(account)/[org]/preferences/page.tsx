import type { Metadata } from 'next'
import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { setLocaleAction } from '@/app/locale-actions'
import { LanguagePicker } from '@/components/i18n/language-picker'
import { Card, PageHeader } from '@/components/ui/card'
import { isStaffRole } from '@/lib/authz/permissions'
import { getMyPhone, getPreferences } from '@/lib/notifications'
import { pageCtx } from '@/lib/pages/guard'
import { savePreferencesAction } from '../notifications/actions'
import { PhoneForm } from './phone-form'
import { PreferencesForm } from './preferences-form'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('account.preferencesPage'))('title') }
}

// Requesters only ever hear about their own requests (§10): the other events never reach them.
const requesterEvents = new Set(['ticket.created', 'ticket.replied', 'ticket.status_changed', 'ticket.resolved'])

export default async function PreferencesPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params
  const ctx = await pageCtx(org)
  const [prefs, phone, t, tEvent, tCommon] = await Promise.all([
    getPreferences(ctx), getMyPhone(ctx), getTranslations('account.preferencesPage'), getTranslations('account.eventLabels'), getTranslations('common'),
  ])
  const staff = isStaffRole(ctx.role)
  // The event code's dot nests the catalogue key: 'ticket.replied' → account.eventLabels.ticket.replied.
  const rows = prefs.filter((p) => staff || requesterEvents.has(p.event)).map((p) => ({ ...p, label: tEvent(p.event) }))
  return (
    <>
      <nav aria-label={t('breadcrumb')} className="mb-3 text-sm text-slate-600">
        <Link href={`/${org}/notifications`} className="hover:text-slate-800 hover:underline">{t('notifications')}</Link> / {t('preferences')}
      </nav>
      <PageHeader title={t('title')}
        subtitle={t('subtitle', { org: ctx.org.name, email: ctx.user.email })} />
      {/* The interface language is the browser's choice (a cookie), offered here beside the other personal settings. */}
      <div className="mb-6">
        <Card title={tCommon('language.label')}>
          <LanguagePicker action={setLocaleAction} />
          <p className="mt-2 text-sm text-slate-600">{tCommon('language.hint')}</p>
        </Card>
      </div>
      <PreferencesForm org={org} rows={rows} action={savePreferencesAction} />
      <div className="mt-6"><Card title={t('textMessages')}><PhoneForm org={org} phone={phone} /></Card></div>
      <p className="mt-6 text-sm text-slate-600">
        {t.rich('security', { link: (chunks) => <Link href={`/${org}/security`} className="font-medium text-indigo-600 hover:underline">{chunks}</Link> })}
      </p>
    </>
  )
}
