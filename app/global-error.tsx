'use client'
import { useSyncExternalStore } from 'react'

// The last boundary: an error in the root layout itself (app/error.tsx covers the pages).
// It replaces the whole document, so it brings its own <html> and stays plain. It renders
// outside the root layout, so next-intl's messages are not available here: its few strings
// are kept in both languages below, chosen by the same `locale` cookie (then the browser's
// language), as lib/i18n/request.ts does on the server.
const text = {
  en: {
    title: 'Something went wrong',
    body: 'The helpdesk could not load this page just now. Nothing you entered was lost on our side; please try again in a moment.',
    retry: 'Try again',
  },
  de: {
    title: 'Etwas ist schiefgelaufen',
    body: 'Der Helpdesk konnte diese Seite gerade nicht laden. Bei uns ist nichts von Ihren Eingaben verloren gegangen; bitte versuchen Sie es gleich noch einmal.',
    retry: 'Erneut versuchen',
  },
} as const
type Lang = keyof typeof text

function browserLang(): Lang {
  const chosen = document.cookie.match(/(?:^|; )locale=([^;]*)/)?.[1]
  if (chosen === 'en' || chosen === 'de') return chosen
  return navigator.language.toLowerCase().startsWith('de') ? 'de' : 'en'
}
const noSubscribe = () => () => {}

export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  // English on the server, the browser's choice once hydrated (no mismatch).
  const lang = useSyncExternalStore<Lang>(noSubscribe, browserLang, () => 'en')
  const t = text[lang]
  return (
    <html lang={lang}>
      <body style={{ fontFamily: 'system-ui, sans-serif', textAlign: 'center', padding: '6rem 1rem' }}>
        <h1>{t.title}</h1>
        <p>{t.body}</p>
        <button onClick={reset}>{t.retry}</button>
      </body>
    </html>
  )
}
