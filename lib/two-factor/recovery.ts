import 'server-only'
import { createHash, randomBytes } from 'node:crypto'

export const RECOVERY_CODE_COUNT = 10
// No 0/O or 1/I/L: codes are read off paper.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'

/** Ten random codes like `7KQ4M-XW2PD` (50 bits each). */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = randomBytes(10)
    const chars = Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('')
    return `${chars.slice(0, 5)}-${chars.slice(5)}`
  })
}

/** Spacing, dashes and case do not matter when a code is typed back. */
export const normaliseRecoveryCode = (code: string) => code.toUpperCase().replace(/[^0-9A-Z]/g, '')

export const hashRecoveryCode = (code: string) => createHash('sha256').update(`recovery\0${normaliseRecoveryCode(code)}`).digest('hex')
