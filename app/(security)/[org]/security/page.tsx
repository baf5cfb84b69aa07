import type { Metadata } from 'next'
import { Card, PageHeader } from '@/components/ui/card'
import { isStaffRole } from '@/lib/authz/permissions'
import { formatTime } from '@/lib/format/time'
import { pageCtx, viewerTimeZone } from '@/lib/pages/guard'
import { getTwoFactorStatus } from '@/lib/two-factor'
import { DisableForm } from './disable-form'
import { EnrolPanel } from './enrol-panel'

export const metadata: Metadata = { title: 'Security' }

const providerNames: Record<string, string> = { github: 'GitHub', google: 'Google', 'microsoft-entra-id': 'Microsoft', oidc: 'Single sign-on' }

export default async function SecurityPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params
  const ctx = await pageCtx(org, { enrolment: true })
  const [status, tz] = await Promise.all([getTwoFactorStatus(ctx), viewerTimeZone(ctx)])
  const home = isStaffRole(ctx.role) ? `/${org}/tickets` : `/${org}/portal`
  const required = !!ctx.org.settings.requireStaffTwoFactor && isStaffRole(ctx.role)
  return (
    <>
      <PageHeader title="Security" subtitle={`How you sign in to ${ctx.org.name} as ${ctx.user.email}.`} />
      {ctx.mustEnrolTwoFactor && (
        <p role="alert" className="mb-6 rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200">
          {ctx.org.name} requires two-factor sign-in for staff. Set it up below to continue to the workspace.
        </p>
      )}
      <div className="space-y-6">
        <Card title="Two-factor sign-in">
          {status.enabled ? (
            <div className="space-y-4">
              <p className="text-sm text-slate-700">
                <span className="font-medium text-emerald-700">On</span> since{' '}
                <time dateTime={status.enabledAt!.toISOString()}>{formatTime(status.enabledAt, tz)}</time>.
                {' '}Signing in asks for a code from your authenticator app after your password, sign-in link or provider.
              </p>
              <p className="text-sm text-slate-600">
                {status.recoveryCodesLeft} of 10 recovery codes left.
                {status.recoveryCodesLeft <= 3 && ' Running low: turn two-factor off and on again for a fresh set.'}
              </p>
              {required
                ? <p className="text-sm text-slate-600">{ctx.org.name} requires it for staff, so it cannot be turned off here.</p>
                : <DisableForm org={org} />}
            </div>
          ) : (
            <EnrolPanel org={org} next={ctx.mustEnrolTwoFactor ? home : `/${org}/security`} />
          )}
        </Card>
        <Card title="Sign-in providers">
          {status.links.length === 0 ? (
            <p className="text-sm text-slate-600">No provider is linked. Signing in with GitHub, Google or Microsoft (where your helpdesk offers them) links the provider account whose verified email is yours.</p>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm">
              {status.links.map((l) => (
                <li key={`${l.provider}-${l.createdAt.toISOString()}`} className="flex flex-wrap justify-between gap-2 py-2">
                  <span><span className="font-medium text-slate-900">{providerNames[l.provider] ?? l.provider}</span> <span className="text-slate-600">({l.email})</span></span>
                  <span className="text-slate-600">linked <time dateTime={l.createdAt.toISOString()}>{formatTime(l.createdAt, tz)}</time></span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  )
}
