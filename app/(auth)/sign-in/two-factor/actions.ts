'use server'
import { redirect } from 'next/navigation'
import { completeSecondFactor } from '@/lib/auth/second-factor'
import { formToObject, zodFieldErrors } from '@/lib/actions/run-action'
import type { ActionState } from '@/lib/actions/state'
import { SecondFactorInput } from '@/lib/two-factor/schemas'
import { safeCallback } from '../safe-callback'

/** The second step of signing in: a code from the app or a recovery code completes the session. */
export async function verifySecondFactorAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const raw = formToObject(form)
  const parsed = SecondFactorInput.safeParse(raw)
  if (!parsed.success) return { ok: false, message: 'Please correct the highlighted fields.', fieldErrors: zodFieldErrors(parsed.error), at: Date.now() }
  const result = await completeSecondFactor(parsed.data.code)
  if (result.ok) redirect(safeCallback(raw.callbackUrl))
  if (result.reason === 'expired' || result.reason === 'not_enrolled') redirect('/sign-in?error=TwoFactorExpired')
  if (result.reason === 'locked') {
    return { ok: false, message: `Too many wrong codes. For your security, try again in ${result.retryAfterMinutes} minute${result.retryAfterMinutes === 1 ? '' : 's'}.`, at: Date.now() }
  }
  return { ok: false, message: 'That code is not valid.', fieldErrors: { code: ['That code is not valid, or was already used. Enter the current code from your app, or a recovery code.'] }, at: Date.now() }
}
