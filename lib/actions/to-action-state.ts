import 'server-only'
import { unstable_rethrow } from 'next/navigation'
import { getLocale } from 'next-intl/server'
import { ZodError } from 'zod'
import { DomainError } from '@/lib/errors'
import { defaultLocale, isLocale, type Locale } from '@/lib/i18n/config'
import { localiseFieldErrors, localiseMessage } from '@/lib/i18n/localise-message'
import type { ActionState } from './state'

/** English, as the REST API (lib/api/problem.ts) sends them. */
export function zodFieldErrors(err: ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const issue of err.issues) {
    const key = issue.path.join('.') || '_form'
    ;(out[key] ??= []).push(issue.message)
  }
  return out
}

/** The reader's locale in a request (next-intl's, from the locale cookie or Accept-Language); English outside one. */
export async function actionLocale(): Promise<Locale> {
  try {
    const locale = await getLocale()
    return isLocale(locale) ? locale : defaultLocale
  } catch {
    return defaultLocale
  }
}

/** Maps any failure to a message for the user in `locale`; unknown errors are logged, never shown. */
export function actionStateFor(err: unknown, locale: Locale): ActionState {
  unstable_rethrow(err)
  const fields = (f: Record<string, string[]> | undefined) => (f ? localiseFieldErrors(f, locale) : undefined)
  if (err instanceof ZodError) {
    return { ok: false, message: localiseMessage('Please correct the highlighted fields.', locale), fieldErrors: fields(zodFieldErrors(err)), at: Date.now() }
  }
  if (err instanceof DomainError) {
    return { ok: false, code: err.code, message: localiseMessage(err.message, locale), fieldErrors: err.code === 'not_found' ? undefined : fields(err.fieldErrors), at: Date.now() }
  }
  console.error('action failed', err)
  return { ok: false, message: localiseMessage('Something went wrong on our side. Your input was not saved; please try again.', locale), at: Date.now() }
}

/** The form's answer to a failure, in the reader's language (`locale` defaults to the request's). */
export async function toActionState(err: unknown, locale?: Locale): Promise<ActionState> {
  unstable_rethrow(err)
  return actionStateFor(err, locale ?? (await actionLocale()))
}
