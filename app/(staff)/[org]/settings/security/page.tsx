import { getTranslations } from 'next-intl/server'
import Link from 'next/link'
import { Card, PageHeader } from '@/components/ui/card'
import { adminPageCtx } from '../admin-ctx'
import { RequireForm } from './require-form'

export async function generateMetadata() {
  const t = await getTranslations('settings.securityPage')
  return { title: t('title') }
}

export default async function SecuritySettingsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params
  const ctx = await adminPageCtx(org)
  const t = await getTranslations('settings.securityPage')
  return (
    <>
      <PageHeader title={t('heading')} subtitle={t('subtitle')} />
      <Card title={t('twoFactor')}>
        <RequireForm org={org} required={!!ctx.org.settings.requireStaffTwoFactor} />
        <p className="mt-4 text-sm text-slate-600">
          {t.rich('ownSetup', { link: (c) => <Link href={`/${org}/security`} className="font-medium text-indigo-700 hover:underline">{c}</Link> })}
        </p>
      </Card>
    </>
  )
}
