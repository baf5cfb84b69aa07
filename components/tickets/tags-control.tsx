'use client'
import { useEffect, useId, useRef, useState } from 'react'
import { useTranslations } from 'next-intl'
import { useServerAction, type ServerAction } from '@/components/forms/use-server-action'
import { inputClass } from '@/components/ui/field'
import { MAX_TAGS_PER_TICKET, TagName } from '@/lib/tickets/schemas'
import type { ActionState } from '@/lib/actions/state'
import { TagLink } from './tag-link'

type Suggestion = { tag: string; count: number }

/** Asks the server for the org's tags starting with `prefix` that the viewer may see (GET /api/[org]/tags). */
async function fetchTags(org: string, prefix: string, signal: AbortSignal): Promise<Suggestion[]> {
  const res = await fetch(`/api/${org}/tags?${new URLSearchParams({ q: prefix })}`, { signal, headers: { accept: 'application/json' } })
  if (!res.ok) throw new Error(`tag suggestions failed (${res.status})`)
  return ((await res.json()) as { tags: Suggestion[] }).tags
}

const problem = (s: ActionState, fallback: string) => s.fieldErrors?.tag?.[0] ?? s.fieldErrors?.tags?.[0] ?? s.message ?? fallback

/**
 * A ticket's tags as chips (each opens the list filtered by it, each with its remove button)
 * and an input that suggests the org's tags as you type, following the WAI-ARIA combobox
 * pattern: arrows move through the suggestions, Enter adds the highlighted one or, with none
 * highlighted, what was typed; Escape closes the list, then clears the input.
 */
export function TagsControl({ org, number, tags, addAction, removeAction }: {
  org: string; number: number; tags: string[]; addAction: ServerAction; removeAction: ServerAction
}) {
  const t = useTranslations('tickets.tagsControl')
  const inputId = useId()
  const listId = useId()
  const errorId = `${inputId}-error`
  const add = useServerAction(addAction)
  const remove = useServerAction(removeAction)
  const [text, setText] = useState('')
  const [open, setOpen] = useState(false)
  const [loaded, setLoaded] = useState<Suggestion[]>([])
  const [active, setActive] = useState(-1)
  const [error, setError] = useState<string | null>(null)
  const inputRef = useRef<HTMLInputElement>(null)

  useEffect(() => {
    if (!open) return
    const ctrl = new AbortController()
    const timer = setTimeout(() => {
      fetchTags(org, text.trim(), ctrl.signal)
        .then((rows) => { if (!ctrl.signal.aborted) { setLoaded(rows); setActive(-1) } })
        .catch(() => { if (!ctrl.signal.aborted) setLoaded([]) })
    }, text ? 150 : 0)
    return () => { clearTimeout(timer); ctrl.abort() }
  }, [org, open, text])

  const options = loaded.filter((s) => !tags.includes(s.tag))
  const close = () => { setOpen(false); setActive(-1) }

  const send = async (run: typeof add.run, tag: string) => {
    const form = new FormData()
    form.set('org', org)
    form.set('number', String(number))
    form.set('tag', tag)
    const result = await run(form)
    if (result && !result.ok) setError(problem(result, t('notSaved')))
    return !!result?.ok
  }

  const addTag = async (raw: string) => {
    const parsed = TagName.safeParse(raw)
    if (!parsed.success) { setError(parsed.error.issues[0]?.message ?? t('enterTag')); return }
    if (tags.includes(parsed.data)) { setText(''); close(); return }
    setError(null)
    close()
    if (await send(add.run, parsed.data)) setText('')
    inputRef.current?.focus()
  }

  const removeTag = async (tag: string) => {
    setError(null)
    await send(remove.run, tag)
    inputRef.current?.focus()
  }

  const optionId = (i: number) => `${listId}-o${i}`
  return (
    <div className="space-y-3">
      {tags.length > 0 ? (
        <ul aria-label={t('list')} className="flex flex-wrap gap-1.5">
          {tags.map((tag) => (
            <li key={tag} className="inline-flex items-center gap-0.5">
              <TagLink org={org} tag={tag} />
              <button type="button" aria-label={t('remove', { tag })} disabled={remove.pending} onClick={() => void removeTag(tag)}
                className="inline-flex h-6 w-6 items-center justify-center rounded text-sm leading-none text-slate-600 hover:bg-rose-50 hover:text-rose-700 disabled:opacity-50">×</button>
            </li>
          ))}
        </ul>
      ) : <p className="text-sm text-slate-600">{t('empty')}</p>}
      <div className="space-y-1">
        <label htmlFor={inputId} className="block text-sm font-medium text-slate-700">{t('addLabel')}</label>
        <div className="relative">
          <input
            ref={inputRef} id={inputId} type="text" role="combobox" autoComplete="off" spellCheck={false} maxLength={60}
            aria-expanded={open && options.length > 0} aria-controls={listId} aria-autocomplete="list"
            aria-activedescendant={open && active >= 0 && options[active] ? optionId(active) : undefined}
            aria-invalid={!!error || undefined} aria-describedby={error ? errorId : `${inputId}-hint`} aria-busy={add.pending || undefined}
            placeholder={t('placeholder')} value={text} className={inputClass}
            onChange={(e) => { setText(e.target.value); setError(null); setOpen(true) }}
            onFocus={() => setOpen(true)}
            onBlur={close}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown') { e.preventDefault(); setOpen(true); setActive((a) => Math.min(a + 1, options.length - 1)) }
              else if (e.key === 'ArrowUp') { e.preventDefault(); setActive((a) => Math.max(a - 1, -1)) }
              else if (e.key === 'Enter') {
                e.preventDefault()
                if (add.pending) return
                void addTag(open && active >= 0 && options[active] ? options[active].tag : text)
              } else if (e.key === 'Escape') {
                e.preventDefault()
                if (open && options.length > 0) close()
                else { setText(''); setError(null) }
              }
            }}
          />
          {open && options.length > 0 && (
            <ul id={listId} role="listbox" aria-label={t('suggestions')}
              className="absolute z-20 mt-1 max-h-64 w-full overflow-auto rounded-md bg-white py-1 text-sm shadow-lg ring-1 ring-slate-200"
              onMouseDown={(e) => e.preventDefault() /* keep focus in the input so the click lands */}>
              {options.map((s, i) => (
                <li key={s.tag} id={optionId(i)} role="option" aria-selected={i === active}
                  className={`flex cursor-pointer justify-between gap-3 px-3 py-1.5 ${i === active ? 'bg-indigo-50 text-indigo-900' : 'text-slate-800'}`}
                  onMouseEnter={() => setActive(i)} onClick={() => void addTag(s.tag)}>
                  <span>{s.tag}</span><span className="text-xs text-slate-600">{t('count', { count: s.count })}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
        {error
          ? <p id={errorId} role="alert" className="text-sm text-rose-600">{error}</p>
          : <p id={`${inputId}-hint`} className="text-xs text-slate-600">{t('hint', { count: tags.length, max: MAX_TAGS_PER_TICKET })}</p>}
        <span role="status" aria-live="polite" className="sr-only">{open && options.length > 0 ? t('suggestionCount', { count: options.length }) : ''}</span>
      </div>
    </div>
  )
}
