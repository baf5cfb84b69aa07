import type { Metadata } from 'next'
import Link from 'next/link'
import { Card, PageHeader } from '@/components/ui/card'
import { adminPageCtx } from '../admin-ctx'
import { RequireForm } from './require-form'

export const metadata: Metadata = { title: 'Security settings' }

export default async function SecuritySettingsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params
  const ctx = await adminPageCtx(org)
  return (
    <>
      <PageHeader title="Security" subtitle="How staff of this organisation sign in." />
      <Card title="Two-factor sign-in">
        <RequireForm org={org} required={!!ctx.org.settings.requireStaffTwoFactor} />
        <p className="mt-4 text-sm text-slate-600">
          Your own two-factor set-up is on <Link href={`/${org}/security`} className="font-medium text-indigo-700 hover:underline">your security page</Link>; you need it on before you can require it.
        </p>
      </Card>
    </>
  )
}
