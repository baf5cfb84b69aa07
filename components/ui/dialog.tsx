'use client'
import { useId, type KeyboardEvent, type ReactNode, type Ref } from 'react'

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])'

/** Tab from the last control returns to the first (and back): a modal <dialog> alone lets focus leave for the browser's toolbar. */
function trapTab(e: KeyboardEvent<HTMLDialogElement>) {
  if (e.key !== 'Tab') return
  const items = [...e.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null || el === document.activeElement)
  if (!items.length) return
  const first = items[0], last = items[items.length - 1]
  if (e.shiftKey && document.activeElement === first) { e.preventDefault(); last.focus() }
  else if (!e.shiftKey && document.activeElement === last) { e.preventDefault(); first.focus() }
}

/**
 * A modal built on the native <dialog>: `showModal()` gives focus trapping, Escape to
 * close, an inert page behind it and focus returned to the trigger, with no library;
 * Tab wraps around inside it.
 */
export function Dialog({ ref, title, description, children, onClose }: {
  ref: Ref<HTMLDialogElement>; title: ReactNode; description?: ReactNode; children: ReactNode; onClose?: () => void
}) {
  const id = useId()
  return (
    <dialog ref={ref} aria-labelledby={`${id}-title`} aria-describedby={description ? `${id}-desc` : undefined} onClose={onClose} onKeyDown={trapTab}
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-lg bg-white p-0 text-left shadow-xl ring-1 ring-slate-200 backdrop:bg-slate-900/40">
      <div className="space-y-4 p-5">
        <div>
          <h2 id={`${id}-title`} className="text-base font-semibold text-slate-900">{title}</h2>
          {description && <div id={`${id}-desc`} className="mt-2 text-sm text-slate-600">{description}</div>}
        </div>
        {children}
      </div>
    </dialog>
  )
}
