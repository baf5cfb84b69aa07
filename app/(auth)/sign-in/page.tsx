import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { currentSession } from '@/lib/auth/session'
import { oauthButtons } from '@/lib/auth/oauth/providers'
import { signInWithProvider } from './actions'
import { MagicLinkForm } from './magic-link-form'
import { SignInForm } from './sign-in-form'

export const metadata: Metadata = { title: 'Sign in' }

const errors: Record<string, string> = {
  Verification: 'That sign-in link has expired or was already used. Ask for a new one below.',
  AccessDenied: 'That link cannot sign you in. Ask your helpdesk admin to add you.',
  OAuthUnverified: 'That provider did not confirm a verified email address for your account, so it cannot sign you in here. Verify your address with the provider, or sign in another way.',
  OAuthUnknown: 'No helpdesk account with an active membership uses the verified email address of that provider account. Sign-in with a provider never creates an account; ask your helpdesk admin to add you.',
  OAuthAccountNotLinked: 'That provider account is linked to another person. Sign out first, or sign in another way.',
  TwoFactorExpired: 'Your sign-in waited too long for its two-factor code. Please sign in again.',
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const { callbackUrl, error } = await searchParams
  const session = await currentSession()
  if (session?.user?.id) redirect('/')
  const providers = oauthButtons()
  return (
    <main id="main" tabIndex={-1} className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <div className="mx-auto mb-3 flex h-10 w-10 items-center justify-center rounded-lg bg-indigo-600 text-lg font-bold text-white" aria-hidden>H</div>
          <h1 className="text-2xl font-semibold tracking-tight">Sign in to Helpdesk</h1>
          <p className="mt-1 text-sm text-slate-600">Requesters, agents and admins all sign in here.</p>
        </div>
        {error && (
          <p role="alert" className="mb-4 rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-700 ring-1 ring-rose-200">
            {errors[error] ?? 'Sign-in failed. Please try again.'}
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
                    Continue with {p.name}
                  </button>
                </form>
              ))}
            </div>
          )}
        </div>
      </div>
    </main>
  )
}
