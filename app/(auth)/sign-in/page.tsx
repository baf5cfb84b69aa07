import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { redirect } from 'next/navigation'
import { currentSession } from '@/lib/auth/session'
import { oauthButtons } from '@/lib/auth/oauth/providers'
import { signInWithProvider } from './actions'
import { MagicLinkForm } from './magic-link-form'
import { SignInForm } from './sign-in-form'
import { LanguagePicker } from '@/components/i18n/language-picker'
import { setLocaleAction } from '@/app/locale-actions'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth.signInPage'))('title') }
}

// The `?error=` codes Auth.js and our own redirects use; each has its message in auth.signInPage.errors.
const errors = ['Verification', 'AccessDenied', 'OAuthUnverified', 'OAuthUnknown', 'OAuthAccountNotLinked', 'TwoFactorExpired'] as const
const knownError = (e: string | undefined): e is (typeof errors)[number] => (errors as readonly (string | undefined)[]).includes(e)

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const { callbackUrl, error } = await searchParams
  const session = await currentSession()
  if (session?.user?.id) redirect('/')
  const providers = oauthButtons()
  const [t, tc] = await Promise.all([getTranslations('auth.signInPage'), getTranslations('common')])
  return (
    <main id="main" tabIndex={-1} className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <div className="mx-auto mb-3 flex h-10 w-10 items-center justify-center rounded-lg bg-indigo-600 text-lg font-bold text-white" aria-hidden>{tc('appName')[0]}</div>
          <h1 className="text-2xl font-semibold tracking-tight">{t('heading')}</h1>
          <p className="mt-1 text-sm text-slate-600">{t('subtitle')}</p>
        </div>
        {error && (
          <p role="alert" className="mb-4 rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-700 ring-1 ring-rose-200">
            {knownError(error) ? t(`errors.${error}`) : t('failed')}
          </p>
        )}
        <div className="space-y-6 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
          <SignInForm callbackUrl={callbackUrl} />
          <div className="border-t border-slate-100 pt-5">
            <MagicLinkForm callbackUrl={callbackUrl} />
          </div>
          {providers.length > 0 && (
            <div className="space-y-2 border-t border-slate-100 pt-5">
              {providers.map((p) => (
                <form key={p.id} action={signInWithProvider}>
                  <input type="hidden" name="provider" value={p.id} />
                  <input type="hidden" name="callbackUrl" value={callbackUrl ?? '/'} />
                  <button type="submit" className="w-full rounded-md bg-white px-3 py-2 text-sm font-medium text-slate-800 shadow-sm ring-1 ring-slate-300 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600">
                    {t('continueWith', { provider: p.name })}
                  </button>
                </form>
              ))}
            </div>
          )}
        </div>
        {/* Chosen before signing in too: the language is the browser's, not the account's. */}
        <div className="mt-6 flex justify-center"><LanguagePicker action={setLocaleAction} compact /></div>
      </div>
    </main>
  )
}
