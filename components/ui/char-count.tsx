'use client'
import { useWatch, type Control, type FieldValues } from 'react-hook-form'

/**
 * "1,234 / 20,000" under a limited field. Fields never carry `maxLength`: the browser cuts a
 * paste at the limit without a word, which loses text. Over the limit this says by how
 * much, and the form's zod schema (the server's too) refuses to send, so nothing is cut.
 */
export function CharCount({ control, name, max, id, quietBelow = 0 }: {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  control: Control<any>; name: string; max: number; id: string
  /** Stay hidden until the text reaches this share of the limit (short one-line fields). */
  quietBelow?: number
}) {
  const value = useWatch({ control: control as Control<FieldValues>, name })
  const n = typeof value === 'string' ? value.length : 0
  if (n < max * quietBelow) return null
  const over = n - max
  return (
    <p id={`${id}-count`} className={`text-right text-xs tabular-nums ${over > 0 ? 'font-medium text-rose-600' : 'text-slate-600'}`}>
      {over > 0
        ? <span role="status">{over.toLocaleString('en')} {over === 1 ? 'character' : 'characters'} over the limit of {max.toLocaleString('en')}</span>
        : <>{n.toLocaleString('en')} / {max.toLocaleString('en')}<span className="sr-only"> characters</span></>}
    </p>
  )
}
