'use client'
import { useSyncExternalStore } from 'react'
import { buttonClass, type ButtonVariant } from './button'

const noSubscription = () => () => {}

/**
 * A form's submit button. Disabled until the page is hydrated: before that a click would
 * submit the bare <form> natively (losing what was typed, as the forms submit through
 * their onSubmit), and a browser waits with it as it waits for the rest of the page.
 */
export function SubmitButton({ pending, children, pendingText, variant = 'primary', className = '' }: {
  pending: boolean; children: React.ReactNode; pendingText?: string; variant?: ButtonVariant; className?: string
}) {
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false)
  return (
    <button type="submit" disabled={pending || !hydrated} aria-busy={pending} className={buttonClass(variant, className)}>
      {pending && <span aria-hidden className="h-3.5 w-3.5 animate-spin rounded-full border-2 border-current border-t-transparent" />}
      {pending ? (pendingText ?? children) : children}
    </button>
  )
}
