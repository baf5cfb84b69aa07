import type { Metadata } from 'next'
import { getLocale, getTranslations } from 'next-intl/server'
import { Card, PageHeader } from '@/components/ui/card'
import { isStaffRole } from '@/lib/authz/permissions'
import { formatTime } from '@/lib/format/time'
import type { Locale } from '@/lib/i18n/config'
import { pageCtx, viewerTimeZone } from '@/lib/pages/guard'
import { getTwoFactorStatus } from '@/lib/two-factor'
import { DisableForm } from './disable-form'
import { EnrolPanel } from './enrol-panel'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth.securityPage'))('title') }
}

// Brand names stay as they are; the generic OIDC provider is named in the viewer's language.
const providerNames: Record<string, string> = { github: 'GitHub', google: 'Google', 'microsoft-entra-id': 'Microsoft' }

export default async function SecurityPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params
  const ctx = await pageCtx(org, { enrolment: true })
  const [status, tz, t, locale] = await Promise.all([getTwoFactorStatus(ctx), viewerTimeZone(ctx), getTranslations('auth.securityPage'), getLocale() as Promise<Locale>])
  const home = isStaffRole(ctx.role) ? `/${org}/tickets` : `/${org}/portal`
  const required = !!ctx.org.settings.requireStaffTwoFactor && isStaffRole(ctx.role)
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle', { org: ctx.org.name, email: ctx.user.email })} />
      {ctx.mustEnrolTwoFactor && (
        <p role="alert" className="mb-6 rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200">
          {t('mustEnrol', { org: ctx.org.name })}
        </p>
      )}
      <div className="space-y-6">
        <Card title={t('twoFactorTitle')}>
          {status.enabled ? (
            <div className="space-y-4">
              <p className="text-sm text-slate-700">
                {t.rich('onSince', {
                  on: (chunks) => <span className="font-medium text-emerald-700">{chunks}</span>,
                  time: (chunks) => <time dateTime={status.enabledAt!.toISOString()}>{chunks}</time>,
                  date: formatTime(status.enabledAt, tz, undefined, locale),
                })}
                {' '}{t('onExplained')}
              </p>
              <p className="text-sm text-slate-600">
                {t('codesLeft', { left: status.recoveryCodesLeft, total: 10 })}
                {status.recoveryCodesLeft <= 3 && ` ${t('runningLow')}`}
              </p>
              {required
                ? <p className="text-sm text-slate-600">{t('required', { org: ctx.org.name })}</p>
                : <DisableForm org={org} />}
            </div>
          ) : (
            <EnrolPanel org={org} next={ctx.mustEnrolTwoFactor ? home : `/${org}/security`} />
          )}
        </Card>
        <Card title={t('providersTitle')}>
          {status.links.length === 0 ? (
            <p className="text-sm text-slate-600">{t('noProviders')}</p>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm">
              {status.links.map((l) => (
                <li key={`${l.provider}-${l.createdAt.toISOString()}`} className="flex flex-wrap justify-between gap-2 py-2">
                  <span><span className="font-medium text-slate-900">{l.provider === 'oidc' ? t('singleSignOn') : (providerNames[l.provider] ?? l.provider)}</span> <span className="text-slate-600">({l.email})</span></span>
                  <span className="text-slate-600">{t.rich('linked', { time: (chunks) => <time dateTime={l.createdAt.toISOString()}>{chunks}</time>, date: formatTime(l.createdAt, tz, undefined, locale) })}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  )
}
