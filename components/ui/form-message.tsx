import type { ActionState } from '@/lib/actions/state'

/** The form-level outcome; field errors are shown next to their fields. */
export function FormMessage({ state, success }: { state: ActionState; success?: string }) {
  if (state.ok === false && state.message) {
    return <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-700 ring-1 ring-rose-200">{state.message}</p>
  }
  if (state.ok && success) return <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-700 ring-1 ring-emerald-200">{success}</p>
  return null
}
