import type { ActionState } from '@/lib/actions/state'

/**
 * The form-level outcome; field errors are shown next to their fields. `fields` names the
 * fields this form shows errors beside (a name covers its nested paths, `weekly` covers
 * `weekly.1.0`): when every error is one of them the banner is left out, so an error is said
 * once, beside its field (issue 18), and only an error tied to no shown field gets the banner.
 */
export function FormMessage({ state, success, fields }: { state: ActionState; success?: string; fields?: readonly string[] }) {
  const keys = Object.keys(state.fieldErrors ?? {})
  const allBeside = !!fields && keys.length > 0 && keys.every((k) => fields.some((f) => k === f || k.startsWith(`${f}.`)))
  if (state.ok === false && state.message && !allBeside) {
    return <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-700 ring-1 ring-rose-200">{state.message}</p>
  }
  if (state.ok && success) return <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-700 ring-1 ring-emerald-200">{success}</p>
  return null
}
