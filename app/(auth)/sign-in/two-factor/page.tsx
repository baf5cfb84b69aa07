import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { currentSession, pendingSecondFactor } from '@/lib/auth/session'
import { signOutAction } from '../actions'
import { safeCallback } from '../safe-callback'
import { SecondFactorForm } from './second-factor-form'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth.twoFactorPage'))('title') }
}

export default async function TwoFactorPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams
  if (await currentSession()) redirect(safeCallback(callbackUrl))
  if (!(await pendingSecondFactor())) redirect('/sign-in?error=TwoFactorExpired')
  const [t, tc] = await Promise.all([getTranslations('auth.twoFactorPage'), getTranslations('common')])
  return (
    <main id="main" tabIndex={-1} className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <div className="mx-auto mb-3 flex h-10 w-10 items-center justify-center rounded-lg bg-indigo-600 text-lg font-bold text-white" aria-hidden>{tc('appName')[0]}</div>
          <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
          <p className="mt-1 text-sm text-slate-600">{t('subtitle')}</p>
        </div>
        <div className="space-y-5 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
          <SecondFactorForm callbackUrl={safeCallback(callbackUrl)} />
          <form action={signOutAction} className="border-t border-slate-100 pt-4 text-center">
            <button type="submit" className="text-sm font-medium text-indigo-700 hover:underline">{t('cancel')}</button>
          </form>
        </div>
      </div>
    </main>
  )
}
