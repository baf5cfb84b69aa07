import 'server-only'
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'

// TOTP secrets must be readable to check a code, so they cannot be hashed; they are sealed
// (AES-256-GCM) with a key derived from AUTH_SECRET, so a copy of the database alone does
// not yield anyone's second factor. Rotating AUTH_SECRET therefore resets enrolments
// (README: two-factor).
function key(): Buffer {
  const secret = process.env.AUTH_SECRET
  if (!secret && process.env.NODE_ENV === 'production') throw new Error('AUTH_SECRET is required to seal two-factor secrets')
  return createHash('sha256').update(`helpdesk two-factor v1\0${secret ?? 'development only'}`).digest()
}

export function seal(plain: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key(), iv)
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  return ['v1', iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.')
}

/** null when the value was sealed under another key (AUTH_SECRET rotated) or altered. */
export function unseal(sealed: string): string | null {
  const [v, iv, body, tag] = sealed.split('.')
  if (v !== 'v1' || !iv || !body || !tag) return null
  try {
    const decipher = createDecipheriv('aes-256-gcm', key(), Buffer.from(iv, 'base64url'))
    decipher.setAuthTag(Buffer.from(tag, 'base64url'))
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8')
  } catch {
    return null
  }
}
