'use client'
import { useState } from 'react'
import { useTranslations } from 'next-intl'

export type Theme = 'system' | 'light' | 'dark'
const next: Record<Theme, Theme> = { system: 'dark', dark: 'light', light: 'system' }

/**
 * Cycles the colour theme: as the system, dark, light. The choice is a cookie the root layout
 * reads on the server (so the first paint is already right, no flash) and <html data-theme>
 * here (so it applies at once, without a reload). globals.css holds the dark palette.
 */
export function ThemeToggle({ initial }: { initial: Theme }) {
  const [theme, setTheme] = useState<Theme>(initial)
  const t = useTranslations('common.theme')
  const choose = () => {
    const t = next[theme]
    setTheme(t)
    if (t === 'system') {
      document.cookie = 'theme=; Path=/; Max-Age=0; SameSite=Lax'
      delete document.documentElement.dataset.theme
    } else {
      document.cookie = `theme=${t}; Path=/; Max-Age=31536000; SameSite=Lax`
      document.documentElement.dataset.theme = t
    }
  }
  const name = t('name', { theme: t(theme) })
  return (
    <button type="button" onClick={choose} aria-label={name} title={t('change', { name })}
      className="inline-flex h-9 w-9 items-center justify-center rounded-md text-slate-600 hover:bg-slate-100 hover:text-slate-900">
      <svg aria-hidden viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" className="h-5 w-5">
        {theme === 'dark' ? <path d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8Z" />
          : theme === 'light' ? <><circle cx="12" cy="12" r="4" /><path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" /></>
          : <><rect x="3" y="4" width="18" height="12" rx="2" /><path d="M8 20h8M12 16v4" /></>}
      </svg>
    </button>
  )
}
