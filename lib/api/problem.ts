import 'server-only'
import { ZodError } from 'zod'
import { zodFieldErrors } from '@/lib/actions/to-action-state'
import { DomainError, type ErrorCode } from '@/lib/errors'
import { httpStatus } from '@/lib/http/problem'

/** RFC 9457 problem details, as every /api/v1 error answers. */
export type Problem = {
  type: string
  title: string
  status: number
  detail?: string
  code: ErrorCode | 'internal'
  /** Field → messages, every one of them (validation errors). */
  errors?: Record<string, string[]>
}

const titles: Record<ErrorCode | 'internal', string> = {
  not_found: 'Not found',
  not_member: 'Not found',
  forbidden: 'Forbidden',
  unauthorized: 'Unauthorized',
  validation: 'Invalid request',
  too_large: 'Payload too large',
  conflict: 'Conflict',
  precondition_failed: 'Precondition failed',
  rate_limited: 'Too many requests',
  unavailable: 'Service unavailable',
  internal: 'Internal error',
}

export const problemType = (code: string) => `/docs/api#problem-${code.replace(/_/g, '-')}`

export function problemResponse(p: Omit<Problem, 'type' | 'title'> & { title?: string }, headers: Record<string, string> = {}): Response {
  const code = p.code === 'not_member' ? 'not_found' : p.code
  const body: Problem = { type: problemType(code), title: p.title ?? titles[code], ...p, code }
  return new Response(JSON.stringify(body), {
    status: p.status,
    headers: { 'content-type': 'application/problem+json', 'cache-control': 'no-store', ...headers },
  })
}

/**
 * Any failure → a problem response. A missing and a hidden resource answer the very same
 * bytes (§6): the 404's detail never repeats what the layer below said. Unknown errors are
 * logged and answer a bare 500.
 */
export function problemFrom(err: unknown, headers: Record<string, string> = {}): Response {
  if (err instanceof ZodError) {
    return problemResponse({ status: 422, code: 'validation', detail: 'Some fields are invalid.', errors: zodFieldErrors(err) }, headers)
  }
  if (err instanceof DomainError) {
    const status = httpStatus[err.code]
    if (status === 404) return problemResponse({ status, code: 'not_found', detail: 'There is nothing here, or you may not see it.' }, headers)
    const extra: Record<string, string> = err.code === 'rate_limited' && 'retryAfterSeconds' in err ? { 'retry-after': String(err.retryAfterSeconds) } : {}
    return problemResponse({ status, code: err.code, detail: err.message, errors: err.fieldErrors }, { ...headers, ...extra })
  }
  console.error('API request failed', err)
  return problemResponse({ status: 500, code: 'internal', detail: 'Something went wrong on our side. Please try again.' }, headers)
}
