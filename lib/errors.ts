/**
 * Typed failures of the data-access layer. Each carries a stable `code`; every transport maps
 * codes through its own single table (lib/http/problem.ts for HTTP, lib/actions/run-action.ts
 * for forms, lib/pages/guard.ts for pages) and never looks at the message text.
 */
export const errorCodes = [
  'not_found', 'not_member', 'forbidden', 'unauthorized', 'validation', 'too_large', 'conflict', 'precondition_failed',
  'rate_limited', 'unavailable',
] as const
export type ErrorCode = (typeof errorCodes)[number]

export class DomainError extends Error {
  readonly code: ErrorCode = 'conflict'
  constructor(message: string, readonly fieldErrors?: Record<string, string[]>) {
    super(message)
    this.name = new.target.name
  }
}
/** Missing *or invisible*: callers must not be able to tell the two apart (§6). */
export class NotFoundError extends DomainError {
  override readonly code: ErrorCode = 'not_found'
  constructor(message = 'Not found') { super(message) }
}
export class ForbiddenError extends DomainError {
  override readonly code: ErrorCode = 'forbidden'
  constructor(message = 'You do not have permission to do that') { super(message) }
}
/**
 * Not a member of the organisation named in the request. Pages send the person to the
 * no-access page; the API answers 404, as for anything else it cannot see.
 */
export class NotMemberError extends ForbiddenError {
  override readonly code: ErrorCode = 'not_member'
  constructor(message = 'You are not a member of this organisation') { super(message) }
}
export class UnauthorizedError extends DomainError {
  override readonly code: ErrorCode = 'unauthorized'
  constructor(message = 'Please sign in') { super(message) }
}
export class ValidationError extends DomainError {
  override readonly code: ErrorCode = 'validation'
}
/** An upload or body over its size limit (HTTP 413). */
export class TooLargeError extends ValidationError {
  override readonly code: ErrorCode = 'too_large'
}
export class ConflictError extends DomainError {
  override readonly code: ErrorCode = 'conflict'
}
/** The caller's copy is stale (an If-Match that no longer matches). */
export class PreconditionFailedError extends DomainError {
  override readonly code: ErrorCode = 'precondition_failed'
}
export class RateLimitedError extends DomainError {
  override readonly code: ErrorCode = 'rate_limited'
  constructor(message: string, readonly retryAfterSeconds: number) { super(message) }
}

/** Staff of an org that requires two-factor sign-in, who have not set it up yet (issue 18). Pages send them to set it up. */
export class TwoFactorRequiredError extends ForbiddenError {
  constructor(readonly orgSlug: string) { super('Your organisation requires two-factor sign-in for staff. Set it up on your security page first.') }
}
