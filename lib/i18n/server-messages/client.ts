import { defaultLocale, type Locale } from '../config'
import { useLocale } from 'next-intl'
import { compileTable, localiseWith, type CompiledTable, type MessageTable } from './lookup'

// Client-side: the browser validates with the same zod schemas as the server, so their messages
// need the same table. It is fetched (a chunk of its own) only for a non-English reader.
const loaders: Partial<Record<Locale, () => Promise<{ default: MessageTable }>>> = {
  de: () => import('./de.json'),
}
const loaded = new Map<Locale, Promise<CompiledTable | null>>()

/** A function localising messages for `locale`; English (or a locale without a table) returns them unchanged. */
export async function loadLocaliser(locale: Locale): Promise<(message: string) => string> {
  const load = loaders[locale]
  if (locale === defaultLocale || !load) return (m) => m
  let table = loaded.get(locale)
  if (!table) {
    table = load().then((m) => compileTable(m.default), () => null)
    loaded.set(locale, table)
  }
  const t = await table
  return t ? (m) => localiseWith(t, m, locale) : (m) => m
}

type ResolverResult = { values: unknown; errors: Record<string, unknown> }

/** Rewrites every `message` in react-hook-form's error tree (nested fields, arrays), leaving `ref`s alone. */
function localiseErrorTree(node: unknown, localise: (m: string) => string): void {
  if (!node || typeof node !== 'object') return
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    if (key === 'ref') continue
    if (key === 'message' && typeof value === 'string') (node as Record<string, unknown>)[key] = localise(value)
    else if (key === 'types' && value && typeof value === 'object') {
      for (const [t, m] of Object.entries(value)) if (typeof m === 'string') (value as Record<string, unknown>)[t] = localise(m)
    } else localiseErrorTree(value, localise)
  }
}

/**
 * Wraps a react-hook-form resolver (zodResolver(schema)) so its messages come out in `locale`:
 * `useForm({ resolver: localisedResolver(zodResolver(schema), locale) })`.
 */
export function localisedResolver<R>(resolver: R, locale: Locale): R {
  if (locale === defaultLocale || !loaders[locale]) return resolver
  const inner = resolver as (...args: unknown[]) => Promise<ResolverResult> | ResolverResult
  return (async (...args: unknown[]) => {
    const [result, localise] = await Promise.all([inner(...args), loadLocaliser(locale)])
    localiseErrorTree(result.errors, localise)
    return result
  }) as R
}

/** `useForm({ resolver: useLocalisedResolver(zodResolver(schema)) })`: the reader's locale from next-intl. */
export function useLocalisedResolver<R>(resolver: R): R {
  return localisedResolver(resolver, useLocale() as Locale)
}
