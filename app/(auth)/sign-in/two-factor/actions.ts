'use server'
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { getDb } from '@/db/client'
import { updateSession } from '@/lib/auth'
import { isRevoked } from '@/lib/auth/revocation'
import { pendingSecondFactor } from '@/lib/auth/session'
import { twoFactorProof } from '@/lib/auth/two-factor-proof'
import { formToObject, zodFieldErrors } from '@/lib/actions/run-action'
import type { ActionState } from '@/lib/actions/state'
import { clientIp } from '@/lib/http/client-ip'
import { SecondFactorInput } from '@/lib/two-factor/schemas'
import { verifySecondFactor } from '@/lib/two-factor/verify'
import { safeCallback } from '../safe-callback'

/** The second step of signing in: a code from the app or a recovery code completes the session. */
export async function verifySecondFactorAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const raw = formToObject(form)
  const parsed = SecondFactorInput.safeParse(raw)
  if (!parsed.success) return { ok: false, message: 'Please correct the highlighted fields.', fieldErrors: zodFieldErrors(parsed.error), at: Date.now() }
  const pending = await pendingSecondFactor()
  const db = await getDb()
  if (!pending || (await isRevoked(db, pending.sid))) redirect('/sign-in?error=TwoFactorExpired')
  const result = await verifySecondFactor(db, pending.userId, parsed.data.code, clientIp(await headers()) ?? 'unknown')
  if (!result.ok) {
    if (result.reason === 'locked') return { ok: false, message: `Too many wrong codes. For your security, try again in ${result.retryAfterMinutes} minute${result.retryAfterMinutes === 1 ? '' : 's'}.`, at: Date.now() }
    return { ok: false, message: 'That code is not valid.', fieldErrors: { code: ['That code is not valid, or was already used. Enter the current code from your app, or a recovery code.'] }, at: Date.now() }
  }
  // Only the server can make this proof; the session callback then drops the pending mark and loads memberships.
  await updateSession({ twoFactorProof: twoFactorProof(pending.sid) } as Parameters<typeof updateSession>[0])
  redirect(safeCallback(raw.callbackUrl))
}
