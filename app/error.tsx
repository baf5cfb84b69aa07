'use client'
import { useTranslations } from 'next-intl'

// Its strings reach the browser through the root layout's <ClientMessages> (auth.error).
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations('auth.error')
  return (
    <main id="main" tabIndex={-1} className="mx-auto max-w-lg px-4 py-24 text-center">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <p className="mt-3 text-slate-600">{t('body')}</p>
      <button onClick={reset} className="mt-6 rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700">{t('retry')}</button>
    </main>
  )
}
