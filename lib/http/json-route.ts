import 'server-only'
import { NextResponse } from 'next/server'
import { ZodError } from 'zod'
import { DomainError, ForbiddenError, NotFoundError, UnauthorizedError, ValidationError } from '@/lib/errors'

/**
 * Maps the data-access layer's typed errors to JSON for the API routes. Not being a member
 * of the org answers 404 like a missing resource (no hint that either exists); a bad query
 * string is a 422 naming the field, never a stack trace.
 */
export async function jsonRoute(fn: () => Promise<Response>, opts: { notFound?: string } = {}): Promise<Response> {
  try {
    return await fn()
  } catch (err) {
    if (err instanceof ZodError) {
      return NextResponse.json({ message: 'Invalid request', fieldErrors: err.flatten().fieldErrors }, { status: 422, headers: { 'cache-control': 'no-store' } })
    }
    const status = err instanceof UnauthorizedError ? 401
      : err instanceof NotFoundError || err instanceof ForbiddenError && /member/.test(err.message) ? 404
        : err instanceof ForbiddenError ? 403
          : err instanceof ValidationError ? (/larger than/.test(err.message) ? 413 : 422)
            : err instanceof DomainError ? 409 : 500
    if (status === 500) console.error('API request failed', err)
    const message = status === 500 ? 'Something went wrong on our side. Please try again.'
      : status === 404 ? opts.notFound ?? 'Not found' : (err as Error).message
    return NextResponse.json({ message, fieldErrors: err instanceof DomainError ? err.fieldErrors : undefined }, { status, headers: { 'cache-control': 'no-store' } })
  }
}
