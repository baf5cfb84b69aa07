import 'server-only'
import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto'

/** Links handed out after the authorisation check live this long (§8: "expire within minutes"). */
export const LINK_TTL_SECONDS = 5 * 60

export type FileVariant = 'original' | 'thumb'

let key: Buffer | undefined

/** A key for this purpose only, derived from AUTH_SECRET so every app instance agrees on it. */
function linkKey(): Buffer {
  if (key) return key
  const secret = process.env.AUTH_SECRET
  if (!secret && process.env.NODE_ENV === 'production') throw new Error('AUTH_SECRET is required to sign attachment links')
  // Development and tests without a secret: per-process, so links simply stop working on restart.
  const ikm = secret ? Buffer.from(secret) : randomBytes(32)
  key = Buffer.from(hkdfSync('sha256', ikm, Buffer.alloc(0), 'helpdesk attachment links v1', 32))
  return key
}

function mac(org: string, id: string, variant: FileVariant, exp: number): string {
  return createHmac('sha256', linkKey()).update(`v1\n${org}\n${id}\n${variant}\n${exp}`).digest('base64url')
}

/** The app's own signed URL for a file on local disk: /api/<org>/attachments/<id>/file?v=&exp=&sig= */
export function signFileLink(org: string, id: string, variant: FileVariant, now = Date.now(), ttl = LINK_TTL_SECONDS): string {
  const exp = Math.floor(now / 1000) + ttl
  const q = new URLSearchParams({ v: variant, exp: String(exp), sig: mac(org, id, variant, exp) })
  return `/api/${encodeURIComponent(org)}/attachments/${id}/file?${q}`
}

/** Whether a link's signature matches and it has not expired (nor claims an expiry further out than we ever issue). */
export function verifyFileLink(org: string, id: string, q: { v?: string | null; exp?: string | null; sig?: string | null }, now = Date.now()): FileVariant | null {
  const variant = q.v === 'thumb' ? 'thumb' : q.v === 'original' ? 'original' : null
  const exp = Number(q.exp)
  if (!variant || !Number.isInteger(exp) || !q.sig) return null
  const seconds = Math.floor(now / 1000)
  if (exp < seconds || exp > seconds + LINK_TTL_SECONDS + 60) return null
  const want = Buffer.from(mac(org, id, variant, exp))
  const got = Buffer.from(q.sig)
  return got.length === want.length && timingSafeEqual(got, want) ? variant : null
}
