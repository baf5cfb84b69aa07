/** Typed failures of the data-access layer; `runAction` and pages map them to messages and status codes. */
export class DomainError extends Error {
  constructor(message: string, readonly fieldErrors?: Record<string, string[]>) {
    super(message)
    this.name = new.target.name
  }
}
/** Missing *or invisible*: callers must not be able to tell the two apart (§6). */
export class NotFoundError extends DomainError {
  constructor(message = 'Not found') { super(message) }
}
export class ForbiddenError extends DomainError {
  constructor(message = 'You do not have permission to do that') { super(message) }
}
export class UnauthorizedError extends DomainError {
  constructor(message = 'Please sign in') { super(message) }
}
export class ValidationError extends DomainError {}
export class ConflictError extends DomainError {}
