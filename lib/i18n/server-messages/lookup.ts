import { formatLocale, type Locale } from '../config'

/**
 * A gettext-style table for the messages the data layer sends back (error messages, zod
 * messages): keyed by the exact English text, because that text is what every lib/ module
 * writes and what the English interface shows unchanged. next-intl keys cannot hold dots or
 * arbitrary text, hence a table of its own.
 *
 * `messages`: an English key with `{name}` placeholders is also a pattern: "Ticket #{number} was not found"
 * matches "Ticket #41 was not found" and the German template gets `{number}` = "41". A placeholder
 * named n, max, count, minutes or number matches digits only; a name used twice must repeat its value.
 * `values`: a placeholder whose name (or `{name:table}`) names a table there has its value translated
 * by that table — whole, else each ", "-separated item (lists of statuses); quantities (n, max, count,
 * minutes) are rewritten in the locale's number format ("10,000" → "10.000").
 */
export type MessageTable = { messages: Record<string, string>; values?: Record<string, Record<string, string>> }

type Slot = { name: string; table?: string }
type Pattern = { re: RegExp; slots: Slot[]; to: string; literal: number }
type Dict = { exact: Map<string, string>; patterns: Pattern[] }
export type CompiledTable = { messages: Dict; values: Map<string, Dict> }

const PLACEHOLDER = /\{(\w+)(?::(\w+))?\}/g
const NUMERIC = new Set(['n', 'max', 'count', 'minutes', 'number'])
const QUANTITY = new Set(['n', 'max', 'count', 'minutes'])
const escape = (s: string) => s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')

function compileDict(dict: Record<string, string>): Dict {
  const patterns: Pattern[] = []
  for (const [en, to] of Object.entries(dict)) {
    const found = [...en.matchAll(PLACEHOLDER)]
    if (!found.length) continue
    let src = '^'
    let last = 0
    const slots: Slot[] = []
    for (const m of found) {
      src += escape(en.slice(last, m.index))
      last = m.index + m[0].length
      const [, name, table] = m
      if (slots.some((s) => s.name === name)) src += `\\k<${name}>`
      else {
        slots.push({ name, table })
        src += `(?<${name}>${NUMERIC.has(name) ? '-?\\d[\\d,.]*' : '.+?'})`
      }
    }
    src += `${escape(en.slice(last))}$`
    patterns.push({ re: new RegExp(src), slots, to, literal: en.replace(PLACEHOLDER, '').length })
  }
  // The most specific pattern wins: "Keep the title under {max} characters" before "Keep the {field} under {max} characters".
  patterns.sort((a, b) => b.literal - a.literal)
  return { exact: new Map(Object.entries(dict)), patterns }
}

export function compileTable(table: MessageTable): CompiledTable {
  return {
    messages: compileDict(table.messages),
    values: new Map(Object.entries(table.values ?? {}).map(([k, v]) => [k, compileDict(v)])),
  }
}

const englishNumber = /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/

function translate(dict: Dict, text: string, table: CompiledTable, locale: Locale): string | undefined {
  const exact = dict.exact.get(text)
  if (exact !== undefined) return exact
  for (const p of dict.patterns) {
    const m = p.re.exec(text)
    if (!m?.groups) continue
    const groups = m.groups
    const values = new Map(p.slots.map((s) => [s.name, value(s, groups[s.name] ?? '', table, locale)]))
    return p.to.replace(PLACEHOLDER, (whole, name: string) => values.get(name) ?? whole)
  }
  return undefined
}

function value(slot: Slot, text: string, table: CompiledTable, locale: Locale): string {
  const dict = table.values.get(slot.table ?? slot.name)
  if (dict) {
    const whole = translate(dict, text, table, locale)
    if (whole !== undefined) return whole
    if (text.includes(', ')) return text.split(', ').map((item) => translate(dict, item, table, locale) ?? item).join(', ')
    return text
  }
  if (QUANTITY.has(slot.name) && englishNumber.test(text)) {
    return new Intl.NumberFormat(formatLocale[locale], { maximumFractionDigits: 20 }).format(Number(text.replaceAll(',', '')))
  }
  return text
}

/** The message in the table's language, or the English message unchanged when the table has nothing for it. */
export function localiseWith(table: CompiledTable, message: string, locale: Locale): string {
  return translate(table.messages, message, table, locale) ?? message
}
