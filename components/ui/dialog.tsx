'use client'
import { useId, type ReactNode, type Ref } from 'react'

/**
 * A modal built on the native <dialog>: `showModal()` gives focus trapping, Escape to
 * close, an inert page behind it and focus returned to the trigger, with no library.
 */
export function Dialog({ ref, title, description, children, onClose }: {
  ref: Ref<HTMLDialogElement>; title: ReactNode; description?: ReactNode; children: ReactNode; onClose?: () => void
}) {
  const id = useId()
  return (
    <dialog ref={ref} aria-labelledby={`${id}-title`} aria-describedby={description ? `${id}-desc` : undefined} onClose={onClose}
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
