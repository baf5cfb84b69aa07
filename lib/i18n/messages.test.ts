import { describe, expect, it } from 'vitest'
import { IntlMessageFormat } from 'intl-messageformat'
import { catalogues } from './messages'
import { locales, negotiateLocale } from './config'
import { formatTime, relativeTime } from '@/lib/format/time'

type Tree = { [k: string]: string | Tree }
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [k, v] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${k}` : k
    if (typeof v === 'string') out.set(path, v)
    else for (const [p, s] of leaves(v, path)) out.set(p, s)
  }
  return out
}
/** The argument names an ICU message uses ({name}, {n, plural, …}), nested ones included. */
function argumentsOf(message: string): string[] {
  const names = new Set<string>()
  const walk = (nodes: unknown[]) => {
    for (const node of nodes as { type: number; value?: string; options?: Record<string, { value: unknown[] }>; children?: unknown[] }[]) {
      if (node.type !== 0 && node.type !== 7 && node.value) names.add(node.value) // 0 literal, 7 pound
      for (const o of Object.values(node.options ?? {})) walk(o.value)
      if (node.children) walk(node.children)
    }
  }
  walk(new IntlMessageFormat(message, 'en', undefined, { ignoreTag: false }).getAst() as unknown[])
  return [...names].sort()
}

const english = leaves(catalogues.en as unknown as Tree)

describe('catalogues', () => {
  it('English has strings in every namespace that the interface uses', () => {
    expect(english.size).toBeGreaterThan(50)
  })
  for (const locale of locales.filter((l) => l !== 'en')) {
    const other = leaves(catalogues[locale] as unknown as Tree)
    it(`${locale} has exactly the keys English has`, () => {
      expect([...other.keys()].filter((k) => !english.has(k))).toEqual([])
      expect([...english.keys()].filter((k) => !other.has(k))).toEqual([])
    })
    it(`${locale} messages parse and use the same arguments as English`, () => {
      const wrong: string[] = []
      for (const [key, en] of english) {
        const msg = other.get(key)
        if (msg === undefined) continue
        if (msg.trim() === '') wrong.push(`${key}: empty`)
        else if (JSON.stringify(argumentsOf(msg)) !== JSON.stringify(argumentsOf(en))) wrong.push(`${key}: ${argumentsOf(msg)} ≠ ${argumentsOf(en)}`)
      }
      expect(wrong).toEqual([])
    })
  }
})

describe('negotiateLocale', () => {
  it('picks the best supported language by q-value and falls back to English', () => {
    expect(negotiateLocale('de-AT,de;q=0.9,en;q=0.8')).toBe('de')
    expect(negotiateLocale('fr-FR,fr;q=0.9,de;q=0.5,en;q=0.6')).toBe('en')
    expect(negotiateLocale('fr-FR,fr;q=0.9')).toBe('en')
    expect(negotiateLocale('en;q=0, de')).toBe('de')
    expect(negotiateLocale('')).toBe('en')
    expect(negotiateLocale(null)).toBe('en')
  })
})

describe('dates per locale', () => {
  const at = new Date('2026-12-07T13:05:00Z')
  it('English keeps day month year; German writes its own', () => {
    expect(formatTime(at, 'Europe/Berlin')).toBe('7 Dec 2026, 14:05')
    expect(formatTime(at, 'Europe/Berlin', 'd MMM yyyy, HH:mm', 'de')).toBe('7. Dez. 2026, 14:05')
    expect(formatTime(at, 'UTC', 'd MMM yyyy', 'de')).toBe('7. Dez. 2026')
    expect(relativeTime(new Date(at.getTime() - 3 * 60_000), at, 'de')).toBe('vor 3 Minuten')
    expect(relativeTime(new Date(at.getTime() - 3 * 60_000), at)).toBe('3 minutes ago')
  })
})
