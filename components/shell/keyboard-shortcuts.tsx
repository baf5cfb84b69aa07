'use client'
import { useCallback, useEffect, useRef } from 'react'
import { useTranslations } from 'next-intl'
import { Dialog } from '@/components/ui/dialog'
import { buttonClass } from '@/components/ui/button'

// What each does: common.keyboardShortcuts.<what>.
const SHORTCUTS = [
  [['/'], 'focusSearch'],
  [['j'], 'next'],
  [['k'], 'previous'],
  [['o', 'Enter'], 'openTicket'],
  [['r'], 'reply'],
  [['?'], 'help'],
] as const

/** The row the keyboard is on carries this attribute; globals.css draws the highlight. */
const CURRENT = 'data-kb-current'

/** Typing, or a shortcut of the browser or the system: never ours. */
function ignored(e: KeyboardEvent) {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return true
  const t = e.target as HTMLElement | null
  if (!t) return false
  if (t.isContentEditable || t.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]')) return true
  // Inside an open dialog, keys belong to the dialog.
  return !!t.closest('dialog[open]') || !!document.querySelector('dialog[open]')
}

/** Rows of the page's ticket list: table rows holding a link to a ticket. */
function rows(): HTMLTableRowElement[] {
  return [...document.querySelectorAll<HTMLTableRowElement>('main tbody tr')].filter((tr) => ticketLink(tr))
}
const ticketLink = (tr: Element) => tr.querySelector<HTMLAnchorElement>('a[href*="/tickets/"]')

/**
 * Workspace shortcuts (`/` search, `j`/`k` through the list, `o`/Enter open, `r` reply,
 * `?` help). Moving with j/k also focuses the row's ticket link, so a screen reader reads
 * the ticket and Enter opens it as any link would. The help is a real modal dialog
 * (native <dialog>: focus trapped, Escape closes, labelled by its heading).
 */
export function KeyboardShortcuts() {
  const t = useTranslations('common')
  const help = useRef<HTMLDialogElement>(null)
  const openHelp = useCallback(() => help.current?.showModal(), [])

  useEffect(() => {
    const move = (by: 1 | -1) => {
      const list = rows()
      if (!list.length) return false
      const at = list.findIndex((tr) => tr.hasAttribute(CURRENT))
      const next = list[at < 0 ? (by === 1 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, at + by))]
      list.forEach((tr) => tr.removeAttribute(CURRENT))
      next.setAttribute(CURRENT, '')
      ticketLink(next)?.focus({ preventScroll: true })
      next.scrollIntoView({ block: 'nearest' })
      return true
    }
    const onKey = (e: KeyboardEvent) => {
      if (ignored(e)) return
      let done = false
      switch (e.key) {
        case '/': {
          const box = document.querySelector<HTMLInputElement>('main input[type=search]')
          if (box) { box.focus(); box.select(); done = true }
          break
        }
        case 'j': done = move(1); break
        case 'k': done = move(-1); break
        case 'o': case 'Enter': {
          // Enter on a focused link or button already does its own thing.
          if (e.key === 'Enter' && (e.target as HTMLElement).closest('a, button, summary')) break
          const current = document.querySelector(`main tbody tr[${CURRENT}]`)
          const link = current && ticketLink(current)
          if (link) { link.click(); done = true }
          break
        }
        case 'r': {
          const composer = document.querySelector<HTMLTextAreaElement>('main textarea#body')
          if (composer) { composer.focus(); composer.scrollIntoView({ block: 'center' }); done = true }
          break
        }
        case '?': openHelp(); done = true; break
      }
      if (done) e.preventDefault()
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [openHelp])

  return (
    <>
      <footer className="mx-auto max-w-7xl px-4 pb-6">
        <button type="button" onClick={openHelp} className="rounded text-sm text-slate-600 underline hover:text-slate-900">
          {t('keyboardShortcuts.open')} <kbd className="font-sans">{'?'}</kbd>
        </button>
      </footer>
      <Dialog ref={help} title={t('keyboardShortcuts.title')} description={t('keyboardShortcuts.description')}>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          {SHORTCUTS.map(([keys, what]) => (
            <div key={what} className="contents">
              <dt className="flex gap-1">{keys.map((k) => <kbd key={k} className="rounded border border-slate-300 bg-slate-50 px-1.5 font-mono text-xs leading-5 text-slate-800">{k}</kbd>)}</dt>
              <dd className="text-slate-700">{t(`keyboardShortcuts.${what}`)}</dd>
            </div>
          ))}
        </dl>
        <form method="dialog" className="flex justify-end">
          <button className={buttonClass('secondary')}>{t('actions.close')}</button>
        </form>
      </Dialog>
    </>
  )
}
