import 'server-only'
import { Secret, TOTP } from 'otpauth'

export const PERIOD_SECONDS = 30
/** Steps either side of now that still count: clocks of phones drift (RFC 6238 §5.2). */
const WINDOW = 1

const totpOf = (secretBase32: string, label = 'Helpdesk') =>
  new TOTP({ issuer: 'Helpdesk', label, algorithm: 'SHA1', digits: 6, period: PERIOD_SECONDS, secret: Secret.fromBase32(secretBase32) })

export const newSecret = () => new Secret({ size: 20 }).base32

/** The otpauth:// URI authenticator apps read from the QR code. */
export const otpauthUri = (secretBase32: string, email: string) => totpOf(secretBase32, email).toString()

/** The 30-second step the code belongs to, or null when it matches none within the window. */
export function matchStep(secretBase32: string, code: string, nowMs = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null
  const delta = totpOf(secretBase32).validate({ token: code, timestamp: nowMs, window: WINDOW })
  return delta === null ? null : Math.floor(nowMs / 1000 / PERIOD_SECONDS) + delta
}

/** For tests and the e2e helper: the code of a given moment. */
export const codeAt = (secretBase32: string, nowMs = Date.now()) => totpOf(secretBase32).generate({ timestamp: nowMs })
