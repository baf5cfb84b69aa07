import 'server-only'
import { headers } from 'next/headers'
import { getDb } from '@/db/client'
import { clientIp } from '@/lib/http/client-ip'
import { findUserByEmail } from '@/lib/users/create-user'
import { isTwoFactorEnabled, verifySecondFactor, type SecondFactorResult } from '@/lib/two-factor/verify'
import { updateSession } from './index'
import { isRevoked } from './revocation'
import { pendingSecondFactor } from './session'
import { twoFactorProof } from './two-factor-proof'

/**
 * The code page's step: checks the code for the person whose sign-in is pending and, when it
 * passes, completes the session (memberships loaded, pending mark dropped) through Auth.js's
 * session update with a proof only the server can make. `expired`: no pending sign-in (or it
 * was signed out, or waited too long).
 */
export async function completeSecondFactor(code: string): Promise<SecondFactorResult | { ok: false; reason: 'expired' }> {
  const pending = await pendingSecondFactor()
  const db = await getDb()
  if (!pending || (await isRevoked(db, pending.sid))) return { ok: false, reason: 'expired' }
  const result = await verifySecondFactor(db, pending.userId, code, clientIp(await headers()) ?? 'unknown')
  if (result.ok) await updateSession({ twoFactorProof: twoFactorProof(pending.sid) } as Parameters<typeof updateSession>[0])
  return result
}

/** After a password sign-in: does this person still owe the code? */
export async function secondFactorOwed(email: string): Promise<boolean> {
  const db = await getDb()
  const user = await findUserByEmail(db, email)
  return !!user && (await isTwoFactorEnabled(db, user.id))
}
