import { defaultLocale, type Locale } from './config'
import { compileTable, localiseWith, type CompiledTable, type MessageTable } from './server-messages/lookup'
import de from './server-messages/de.json'

/**
 * Messages from the data layer (typed errors, zod) in the reader's language. Server code and
 * tests use this; client components load the table only when they need it
 * (./server-messages/client.ts), so the English bundle does not carry it.
 */
const tables: Partial<Record<Locale, MessageTable>> = { de }
const compiled = new Map<Locale, CompiledTable>()

export function localiseMessage(message: string, locale: Locale): string {
  if (locale === defaultLocale) return message
  const table = tables[locale]
  if (!table) return message
  let c = compiled.get(locale)
  if (!c) compiled.set(locale, (c = compileTable(table)))
  return localiseWith(c, message, locale)
}

/** Every field's messages, localised. */
export function localiseFieldErrors(fieldErrors: Record<string, string[]>, locale: Locale): Record<string, string[]> {
  return Object.fromEntries(Object.entries(fieldErrors).map(([k, v]) => [k, v.map((m) => localiseMessage(m, locale))]))
}
