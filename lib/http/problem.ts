import type { ErrorCode } from '@/lib/errors'

/** The one table from error codes to HTTP statuses. A hidden thing and a missing one are both 404. */
export const httpStatus: Record<ErrorCode, number> = {
  not_found: 404,
  not_member: 404,
  forbidden: 403,
  unauthorized: 401,
  validation: 422,
  too_large: 413,
  conflict: 409,
  precondition_failed: 412,
  rate_limited: 429,
  unavailable: 503,
}
