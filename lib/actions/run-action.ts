import 'server-only'
import type { z } from 'zod'
import { getCtx, getCtxForEnrolment, type Ctx } from '@/lib/auth/ctx'
import { NotFoundError } from '@/lib/errors'
import { toActionState } from './to-action-state'
import type { ActionState } from './state'

export { actionLocale, actionStateFor, toActionState, zodFieldErrors } from './to-action-state'

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

/**
 * The one wrapper for server actions: builds ctx for the org named in the form (a
 * forged org is refused by the membership check in ctx), validates with the domain's
 * schema and maps typed errors to `{ ok: false, message, fieldErrors }` with every field error,
 * in the reader's language (lib/i18n/localise-message.ts).
 */
export async function runAction<S extends z.ZodTypeAny, R>(
  form: FormData,
  schema: S,
  fn: (ctx: Ctx, input: z.output<S>) => Promise<R>,
  /** `enrolment`: the two-factor setup actions, open to staff who must still set it up. */
  opts: { enrolment?: boolean } = {},
): Promise<ActionState<R>> {
  try {
    const raw = formToObject(form)
    const org = typeof raw.org === 'string' ? raw.org : ''
    if (!org) throw new NotFoundError('Organisation missing from the request')
    const ctx = await (opts.enrolment ? getCtxForEnrolment(org) : getCtx(org))
    const input = schema.parse(raw)
    const data = await fn(ctx, input)
    return { ok: true, data, at: Date.now() }
  } catch (err) {
    return (await toActionState(err)) as ActionState<R>
  }
}
