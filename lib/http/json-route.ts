import 'server-only'
import { NextResponse } from 'next/server'
import { ZodError } from 'zod'
import { DomainError } from '@/lib/errors'
import { httpStatus } from './problem'

/**
 * Maps the data-access layer's typed errors to JSON for the API routes, by error code
 * (lib/http/problem.ts), never by message. Not being a member of the org answers 404 like a
 * missing resource (no hint that either exists); a bad query string is a 422 naming the
 * field, never a stack trace.
 */
export async function jsonRoute(fn: () => Promise<Response>, opts: { notFound?: string } = {}): Promise<Response> {
  try {
    return await fn()
  } catch (err) {
    if (err instanceof ZodError) {
      return NextResponse.json({ message: 'Invalid request', fieldErrors: err.flatten().fieldErrors }, { status: 422, headers: { 'cache-control': 'no-store' } })
    }
    const status = err instanceof DomainError ? httpStatus[err.code] : 500
    if (status === 500) console.error('API request failed', err)
    const message = status === 500 ? 'Something went wrong on our side. Please try again.'
      : status === 404 ? opts.notFound ?? 'Not found' : (err as Error).message
    return NextResponse.json({ message, fieldErrors: err instanceof DomainError && status !== 404 ? err.fieldErrors : undefined }, { status, headers: { 'cache-control': 'no-store' } })
  }
}
