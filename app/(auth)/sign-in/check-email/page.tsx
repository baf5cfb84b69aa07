import type { Metadata } from 'next'
import Link from 'next/link'
import { getTranslations } from 'next-intl/server'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth.checkEmailPage'))('title') }
}

export default async function CheckEmailPage() {
  const t = await getTranslations('auth.checkEmailPage')
  return (
    <main id="main" tabIndex={-1} className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-lg bg-white p-6 text-center shadow-sm ring-1 ring-slate-200">
        <h1 className="text-xl font-semibold">{t('title')}</h1>
        <p className="mt-2 text-sm text-slate-600">
          {t('body')}
        </p>
        <Link href="/sign-in" className="mt-4 inline-block text-sm font-medium text-indigo-700 hover:underline">{t('back')}</Link>
      </div>
    </main>
  )
}
