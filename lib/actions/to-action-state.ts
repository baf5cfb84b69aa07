import 'server-only'
import { unstable_rethrow } from 'next/navigation'
import { ZodError } from 'zod'
import { DomainError } from '@/lib/errors'
import type { ActionState } from './state'

export function zodFieldErrors(err: ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const issue of err.issues) {
    const key = issue.path.join('.') || '_form'
    ;(out[key] ??= []).push(issue.message)
  }
  return out
}

/** Maps any failure to a message for the user; unknown errors are logged, never shown. */
export function toActionState(err: unknown): ActionState {
  unstable_rethrow(err)
  if (err instanceof ZodError) {
    return { ok: false, message: 'Please correct the highlighted fields.', fieldErrors: zodFieldErrors(err), at: Date.now() }
  }
  if (err instanceof DomainError) {
    return { ok: false, code: err.code, message: err.message, fieldErrors: err.code === 'not_found' ? undefined : err.fieldErrors, at: Date.now() }
  }
  console.error('action failed', err)
  return { ok: false, message: 'Something went wrong on our side. Your input was not saved; please try again.', at: Date.now() }
}
