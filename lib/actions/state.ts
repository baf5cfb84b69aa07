/** What every server action returns to its form (client-safe). */
export type ActionState<T = unknown> = {
  ok: boolean | null
  message?: string
  /** The typed error's code (lib/errors.ts) when the action was refused. */
  code?: string
  fieldErrors?: Record<string, string[]>
  data?: T
  /** Changes on every submission so forms can react to repeated, identical results. */
  at?: number
}

export const initialActionState: ActionState = { ok: null }
