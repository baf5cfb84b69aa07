'use server'
import { redirect } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { completeSecondFactor } from '@/lib/auth/second-factor'
import { formToObject, zodFieldErrors } from '@/lib/actions/run-action'
import type { ActionState } from '@/lib/actions/state'
import { SecondFactorInput } from '@/lib/two-factor/schemas'
import { safeCallback } from '../safe-callback'

/** The second step of signing in: a code from the app or a recovery code completes the session. */
export async function verifySecondFactorAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const raw = formToObject(form)
  const parsed = SecondFactorInput.safeParse(raw)
  const t = await getTranslations('auth.twoFactorActions')
  if (!parsed.success) return { ok: false, message: t('correctFields'), fieldErrors: zodFieldErrors(parsed.error), at: Date.now() }
  const result = await completeSecondFactor(parsed.data.code)
  if (result.ok) redirect(safeCallback(raw.callbackUrl))
  if (result.reason === 'expired' || result.reason === 'not_enrolled') redirect('/sign-in?error=TwoFactorExpired')
  if (result.reason === 'locked') {
    return { ok: false, message: t('locked', { minutes: result.retryAfterMinutes }), at: Date.now() }
  }
  return { ok: false, message: t('invalid'), fieldErrors: { code: [t('invalidField')] }, at: Date.now() }
}
