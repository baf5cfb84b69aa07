import 'server-only'
import { createHash, randomBytes } from 'node:crypto'

const PREFIX = 'hd_'

/** A new secret: 256 random bits, shown once; only its hash is stored. */
export function newSecret(): { secret: string; prefix: string; hash: string } {
  const secret = PREFIX + randomBytes(32).toString('base64url')
  return { secret, prefix: secret.slice(0, PREFIX.length + 6), hash: hashSecret(secret) }
}

/**
 * SHA-256 is enough here: the secret is uniformly random, so there is nothing for a slow
 * password hash to protect, and a lookup must cost microseconds on every API request.
 */
export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex')

export const looksLikeSecret = (s: string) => s.startsWith(PREFIX) && s.length >= PREFIX.length + 40 && s.length <= 100
