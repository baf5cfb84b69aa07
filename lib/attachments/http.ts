import 'server-only'
import { NextResponse } from 'next/server'
import { DomainError, ForbiddenError, NotFoundError, UnauthorizedError, ValidationError } from '@/lib/errors'

/**
 * Maps the data-access layer's typed errors to JSON for the attachment routes. Not being
 * a member of the org answers 404 like a missing file (no hint that either exists).
 */
export async function jsonRoute(fn: () => Promise<Response>): Promise<Response> {
  try {
    return await fn()
  } catch (err) {
    const status = err instanceof UnauthorizedError ? 401
      : err instanceof NotFoundError || err instanceof ForbiddenError && /member/.test(err.message) ? 404
        : err instanceof ForbiddenError ? 403
          : err instanceof ValidationError ? (/larger than/.test(err.message) ? 413 : 422)
            : err instanceof DomainError ? 409 : 500
    if (status === 500) console.error('attachment request failed', err)
    const message = status === 500 ? 'Something went wrong on our side. Please try again.'
      : status === 404 ? 'File not found' : (err as Error).message
    return NextResponse.json({ message, fieldErrors: err instanceof DomainError ? err.fieldErrors : undefined }, { status, headers: { 'cache-control': 'no-store' } })
  }
}

/** A state-changing request from another site is refused even if a cookie rode along (defence in depth beyond SameSite). */
export function sameOrigin(req: Request): boolean {
  const origin = req.headers.get('origin')
  if (!origin) return true
  const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host')
  try {
    return new URL(origin).host === host
  } catch {
    return false
  }
}

/** RFC 6266 / RFC 5987: an ASCII fallback and the exact UTF-8 name. */
export function contentDisposition(kind: 'inline' | 'attachment', filename: string): string {
  const ascii = filename.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  const utf8 = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${utf8}`
}
