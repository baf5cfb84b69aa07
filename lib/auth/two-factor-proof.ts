import 'server-only'
import { createHmac, timingSafeEqual } from 'node:crypto'

// The code page completes a pending sign-in through Auth.js's session update, whose data a
// browser could also send (POST /api/auth/session). So the update carries a proof only the
// server can make: an HMAC of the session's own id, never sent to the browser.
const mac = (sid: string) => createHmac('sha256', process.env.AUTH_SECRET ?? 'development only').update(`two-factor passed\0${sid}`).digest('base64url')

export const twoFactorProof = (sid: string) => mac(sid)

export function isTwoFactorProof(sid: unknown, proof: unknown): boolean {
  if (typeof sid !== 'string' || typeof proof !== 'string') return false
  const want = Buffer.from(mac(sid))
  const got = Buffer.from(proof)
  return want.length === got.length && timingSafeEqual(want, got)
}
