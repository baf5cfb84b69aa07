import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react'
import { forwardRef } from 'react'

export const inputClass = 'block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-indigo-600 aria-[invalid=true]:ring-rose-500'

/** A labelled control with its error shown next to it (and announced to screen readers). */
export function Field({ id, label, error, hint, children }: { id: string; label: ReactNode; error?: string; hint?: ReactNode; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">{label}</label>
      {children}
      {hint && !error && <p id={`${id}-hint`} className="text-xs text-slate-600">{hint}</p>}
      {error && <p id={`${id}-error`} role="alert" className="text-sm text-rose-600">{error}</p>}
    </div>
  )
}

type Invalid = { invalid?: boolean; describedBy?: string }

export const Input = forwardRef<HTMLInputElement, InputHTMLAttributes<HTMLInputElement> & Invalid>(
  function Input({ invalid, describedBy, className = '', ...props }, ref) {
    return <input ref={ref} aria-invalid={invalid || undefined} aria-describedby={invalid ? describedBy : undefined} className={`${inputClass} ${className}`} {...props} />
  })

export const Textarea = forwardRef<HTMLTextAreaElement, TextareaHTMLAttributes<HTMLTextAreaElement> & Invalid>(
  function Textarea({ invalid, describedBy, className = '', ...props }, ref) {
    return <textarea ref={ref} aria-invalid={invalid || undefined} aria-describedby={invalid ? describedBy : undefined} className={`${inputClass} ${className}`} {...props} />
  })

export const Select = forwardRef<HTMLSelectElement, SelectHTMLAttributes<HTMLSelectElement> & Invalid>(
  function Select({ invalid, describedBy, className = '', ...props }, ref) {
    return <select ref={ref} aria-invalid={invalid || undefined} aria-describedby={invalid ? describedBy : undefined} className={`${inputClass} ${className}`} {...props} />
  })
