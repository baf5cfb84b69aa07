'use client'
import { useLocale, useTranslations } from 'next-intl'
import { useId, useRef } from 'react'
import { localeNames, locales } from '@/lib/i18n/config'

/**
 * The interface language: a labelled select that applies on change (the form also has a
 * button, so it works without JavaScript and from the keyboard without surprises).
 */
export function LanguagePicker({ action, compact = false }: { action: (form: FormData) => Promise<void>; compact?: boolean }) {
  const t = useTranslations('common')
  const locale = useLocale()
  const id = useId()
  const form = useRef<HTMLFormElement>(null)
  return (
    <form ref={form} action={action} className="flex flex-wrap items-center gap-2 text-sm">
      <label htmlFor={id} className={compact ? 'text-slate-600' : 'font-medium text-slate-800'}>{t('language.label')}</label>
      {/* Keyed by the language: React resets a form after its action, and the select must then
          show the language now in force, not the one the page was first rendered in. */}
      <select key={locale} id={id} name="locale" defaultValue={locale} onChange={() => form.current?.requestSubmit()}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-slate-900">
        {locales.map((l) => <option key={l} value={l} lang={l}>{localeNames[l]}</option>)}
      </select>
      <noscript><button className="rounded-md border border-slate-300 px-2 py-1">{t('actions.apply')}</button></noscript>
    </form>
  )
}
