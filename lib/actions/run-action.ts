import 'server-only'
import { unstable_rethrow } from 'next/navigation'
import { z, ZodError } from 'zod'
import { getCtx, type Ctx } from '@/lib/auth/ctx'
import { DomainError, NotFoundError } from '@/lib/errors'
import type { ActionState } from './state'

/** FormData → plain object; a key sent several times becomes an array. */
export function formToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key of new Set(form.keys())) {
    if (key.startsWith('$ACTION')) continue
    const all = form.getAll(key).filter((v) => typeof v === 'string')
    out[key] = all.length > 1 ? all : all[0]
  }
  return out
}

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
  if (err instanceof DomainError) return { ok: false, message: err.message, fieldErrors: err.fieldErrors, at: Date.now() }
  console.error('action failed', err)
  return { ok: false, message: 'Something went wrong on our side. Your input was not saved; please try again.', at: Date.now() }
}

/**
 * The one wrapper for server actions: builds ctx for the org named in the form (a
 * forged org is refused by the membership check in ctx), validates with the domain's
 * schema and maps typed errors to `{ ok: false, message, fieldErrors }` with every field error.
 */
export async function runAction<S extends z.ZodTypeAny, R>(
  form: FormData,
  schema: S,
  fn: (ctx: Ctx, input: z.output<S>) => Promise<R>,
): Promise<ActionState<R>> {
  try {
    const raw = formToObject(form)
    const org = typeof raw.org === 'string' ? raw.org : ''
    if (!org) throw new NotFoundError('Organisation missing from the request')
    const ctx = await getCtx(org)
    const input = schema.parse(raw)
    const data = await fn(ctx, input)
    return { ok: true, data, at: Date.now() }
  } catch (err) {
    return toActionState(err) as ActionState<R>
  }
}
