'use client'
import { useEffect, useId, useRef, useState } from 'react'
import { useTranslations } from 'next-intl'
import { inputClass } from '@/components/ui/field'

export type ComboOption = { id: string; label: string; hint?: string }

/**
 * A type-ahead picker for lists too long for a <select> (thousands of agents), following
 * the WAI-ARIA combobox pattern: arrows move, Enter picks, Escape closes and restores the
 * choice, the list is announced with its count. `fixed` options (e.g. "Anyone") are always
 * offered first; the rest come from `load` as the person types, debounced, stale answers
 * dropped. The choice travels in a hidden input named `name`, so plain forms submit it.
 */
export function Combobox({ id, name, value, onChange, load, fixed = [], placeholder, invalid, describedBy, className = '', emptyText }: {
  id: string
  name?: string
  value: ComboOption | null
  onChange: (option: ComboOption) => void
  load: (query: string, signal: AbortSignal) => Promise<ComboOption[]>
  fixed?: ComboOption[]
  placeholder?: string
  invalid?: boolean
  describedBy?: string
  className?: string
  emptyText?: string
}) {
  const t = useTranslations('common.combobox')
  const listId = useId()
  const [text, setText] = useState(value?.label ?? '')
  const [open, setOpen] = useState(false)
  const [loaded, setLoaded] = useState<ComboOption[]>([])
  const [loading, setLoading] = useState(false)
  const [failed, setFailed] = useState(false)
  const [active, setActive] = useState(0)
  const [query, setQuery] = useState('')
  const inputRef = useRef<HTMLInputElement>(null)
  const loadRef = useRef(load)
  loadRef.current = load

  // Show the chosen label whenever the choice changes from outside (a reset, a team switch).
  useEffect(() => { if (!open) setText(value?.label ?? '') }, [value, open])

  useEffect(() => {
    if (!open) return
    const ctrl = new AbortController()
    setLoading(true)
    setFailed(false)
    const timer = setTimeout(() => {
      loadRef.current(query, ctrl.signal)
        .then((rows) => { if (!ctrl.signal.aborted) { setLoaded(rows); setActive(0) } })
        .catch(() => { if (!ctrl.signal.aborted) { setLoaded([]); setFailed(true) } })
        .finally(() => { if (!ctrl.signal.aborted) setLoading(false) })
    }, query ? 150 : 0)
    return () => { clearTimeout(timer); ctrl.abort() }
  }, [open, query])

  const needle = query.trim().toLowerCase()
  const options = [...fixed.filter((o) => !needle || o.label.toLowerCase().includes(needle)), ...loaded.filter((o) => !fixed.some((f) => f.id === o.id))]

  const close = (restore = true) => {
    setOpen(false)
    setQuery('')
    if (restore) setText(value?.label ?? '')
  }
  const pick = (o: ComboOption) => {
    setText(o.label)
    setOpen(false)
    setQuery('')
    onChange(o)
  }
  const optionId = (i: number) => `${listId}-o${i}`

  return (
    <div className={`relative ${className}`}>
      {name !== undefined && <input type="hidden" name={name} value={value?.id ?? ''} />}
      <input
        ref={inputRef} id={id} type="text" role="combobox" autoComplete="off" spellCheck={false}
        aria-expanded={open} aria-controls={listId} aria-autocomplete="list"
        aria-activedescendant={open && options[active] ? optionId(active) : undefined}
        aria-invalid={invalid || undefined} aria-describedby={invalid ? describedBy : undefined}
        placeholder={placeholder} value={text} className={`${inputClass} pr-8`}
        onFocus={(e) => { e.target.select(); setOpen(true) }}
        onClick={() => setOpen(true)}
        onChange={(e) => { setText(e.target.value); setQuery(e.target.value); setOpen(true) }}
        onBlur={() => close()}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') { e.preventDefault(); if (!open) setOpen(true); else setActive((a) => Math.min(a + 1, options.length - 1)) }
          else if (e.key === 'ArrowUp') { e.preventDefault(); setActive((a) => Math.max(a - 1, 0)) }
          else if (e.key === 'Home' && open) { e.preventDefault(); setActive(0) }
          else if (e.key === 'End' && open) { e.preventDefault(); setActive(Math.max(options.length - 1, 0)) }
          else if (e.key === 'Enter' && open) { e.preventDefault(); if (options[active]) pick(options[active]) }
          else if (e.key === 'Escape' && open) { e.preventDefault(); close() }
        }}
      />
      <span aria-hidden className="pointer-events-none absolute inset-y-0 right-2 flex items-center text-slate-600">{'▾'}</span>
      {open && (
        <ul id={listId} role="listbox" aria-label={t('label')}
          className="absolute z-20 mt-1 max-h-64 w-full min-w-56 overflow-auto rounded-md bg-white py-1 text-sm shadow-lg ring-1 ring-slate-200"
          onMouseDown={(e) => e.preventDefault() /* keep focus in the input so the click lands */}>
          {options.map((o, i) => (
            <li key={o.id || `fixed-${i}`} id={optionId(i)} role="option" aria-selected={i === active}
              className={`cursor-pointer px-3 py-1.5 ${i === active ? 'bg-indigo-50 text-indigo-900' : 'text-slate-800'} ${o.id === value?.id ? 'font-medium' : ''}`}
              onMouseEnter={() => setActive(i)} onClick={() => pick(o)}>
              {o.label}{o.hint && <span className="block text-xs text-slate-600">{o.hint}</span>}
            </li>
          ))}
          {loading && <li role="presentation" className="px-3 py-1.5 text-slate-600">{t('searching')}</li>}
          {!loading && failed && <li role="presentation" className="px-3 py-1.5 text-rose-600">{t('failed')}</li>}
          {!loading && !failed && options.length === 0 && <li role="presentation" className="px-3 py-1.5 text-slate-600">{emptyText ?? t('noMatches')}</li>}
        </ul>
      )}
      <span role="status" aria-live="polite" className="sr-only">{open && !loading ? t('count', { count: options.length }) : ''}</span>
    </div>
  )
}
