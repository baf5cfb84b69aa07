import 'server-only'
import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto'

let key: Buffer | undefined

/** A key for survey links only, derived from AUTH_SECRET like attachment links (lib/attachments/signed-link.ts), so every instance agrees. */
function surveyKey(): Buffer {
  if (key) return key
  const secret = process.env.AUTH_SECRET
  if (!secret && process.env.NODE_ENV === 'production') throw new Error('AUTH_SECRET is required to sign survey links')
  const ikm = secret ? Buffer.from(secret) : randomBytes(32)
  key = Buffer.from(hkdfSync('sha256', ikm, Buffer.alloc(0), 'helpdesk csat links v1', 32))
  return key
}

const mac = (id: string) => createHmac('sha256', surveyKey()).update(`csat v1\n${id}`).digest('base64url')

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/**
 * `<survey id>.<signature>`. No expiry: the survey row itself makes the link work once
 * (answered_at), and a link is useless for anything but answering that one survey.
 */
export const surveyToken = (id: string) => `${id}.${mac(id)}`

export function verifySurveyToken(token: string): string | null {
  const [id, sig] = token.split('.')
  if (!id || !sig || !UUID.test(id)) return null
  const want = Buffer.from(mac(id))
  const got = Buffer.from(sig)
  return want.length === got.length && timingSafeEqual(want, got) ? id : null
}
