'use client'
import { buttonClass, type ButtonVariant } from './button'

export function SubmitButton({ pending, children, pendingText, variant = 'primary', className = '' }: {
  pending: boolean; children: React.ReactNode; pendingText?: string; variant?: ButtonVariant; className?: string
}) {
  return (
    <button type="submit" disabled={pending} aria-busy={pending} className={buttonClass(variant, className)}>
      {pending && <span aria-hidden className="h-3.5 w-3.5 animate-spin rounded-full border-2 border-current border-t-transparent" />}
      {pending ? (pendingText ?? children) : children}
    </button>
  )
}
