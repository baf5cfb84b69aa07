'use server'
import { AuthError, CredentialsSignin } from 'next-auth'
import { signIn, signOut } from '@/lib/auth'
import { revokeCurrentSession } from '@/lib/auth/session'
import { secondFactorOwed } from '@/lib/auth/second-factor'
import { MagicLinkInput, SignInInput } from '@/lib/auth/schemas'
import { formToObject, zodFieldErrors } from '@/lib/actions/run-action'
import type { ActionState } from '@/lib/actions/state'
import { oauthButtons } from '@/lib/auth/oauth/providers'
import { redirect } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { safeCallback } from './safe-callback'

export async function signInWithPassword(_prev: ActionState, form: FormData): Promise<ActionState> {
  const raw = formToObject(form)
  const parsed = SignInInput.safeParse(raw)
  const t = await getTranslations('auth.signInActions')
  if (!parsed.success) return { ok: false, message: t('correctFields'), fieldErrors: zodFieldErrors(parsed.error), at: Date.now() }
  const callbackUrl = safeCallback(raw.callbackUrl)
  try {
    await signIn('credentials', { ...parsed.data, redirect: false })
  } catch (err) {
    if (err instanceof AuthError) {
      const code = err instanceof CredentialsSignin ? err.code : ''
      if (code.startsWith('locked:')) {
        const minutes = Number(code.split(':')[1]) || 15
        return { ok: false, message: t('locked', { minutes }), at: Date.now() }
      }
      return { ok: false, message: t('wrongCredentials'), at: Date.now() }
    }
    throw err
  }
  // Straight to the code page when a second factor is owed: an action's redirect renders its
  // target in the same response, where the middleware's redirect would leave the old URL.
  redirect(await secondFactorOwed(parsed.data.email) ? `/sign-in/two-factor?callbackUrl=${encodeURIComponent(callbackUrl)}` : callbackUrl)
}

/** Emails a one-time sign-in link; the answer is the same whether or not the address has an account. */
export async function requestSignInLink(_prev: ActionState, form: FormData): Promise<ActionState> {
  const raw = formToObject(form)
  const parsed = MagicLinkInput.safeParse(raw)
  const t = await getTranslations('auth.signInActions')
  if (!parsed.success) return { ok: false, message: t('correctFields'), fieldErrors: zodFieldErrors(parsed.error), at: Date.now() }
  try {
    await signIn('nodemailer', { email: parsed.data.email, redirectTo: safeCallback(raw.callbackUrl) })
    return { ok: true }
  } catch (err) {
    if (err instanceof AuthError) return { ok: false, message: t('linkFailed'), at: Date.now() }
    throw err // redirect to the "check your email" page
  }
}

export async function signOutAction() {
  // Revoke first: a request still in flight may hand the browser a fresh copy of the cookie.
  await revokeCurrentSession()
  await signOut({ redirectTo: '/sign-in' })
}

/** Starts an OAuth sign-in with one of the providers the environment enables. */
export async function signInWithProvider(form: FormData) {
  const provider = form.get('provider')
  const callbackUrl = safeCallback(form.get('callbackUrl'))
  if (typeof provider !== 'string' || !oauthButtons().some((p) => p.id === provider)) redirect('/sign-in')
  await signIn(provider, { redirectTo: callbackUrl })
}
