import { NextIntlClientProvider } from 'next-intl'
import { getMessages } from 'next-intl/server'

type Tree = Record<string, unknown>

/** The parts of `messages` named by `paths` ('tickets' or a sub-tree such as 'tickets.reply'), at the same paths. */
export function pickMessages(messages: Tree, paths: readonly string[]): Tree {
  const out: Tree = {}
  for (const path of paths) {
    const parts = path.split('.')
    let from: unknown = messages
    for (const p of parts) from = from && typeof from === 'object' ? (from as Tree)[p] : undefined
    if (from === undefined) continue
    let into = out
    for (const p of parts.slice(0, -1)) into = (into[p] ??= {}) as Tree
    into[parts.at(-1)!] = from
  }
  return out
}

/**
 * Gives the client components below it the catalogue sub-trees they use (plus `common`), and
 * nothing else: the whole catalogue in every page's RSC payload would cost each page tens of
 * KB (issue 15). Server components need none of this; they call getTranslations directly.
 * A nested ClientMessages replaces the one above it, so name everything the subtree needs.
 */
export async function ClientMessages({ namespaces = [], children }: { namespaces?: readonly string[]; children: React.ReactNode }) {
  const messages = (await getMessages()) as Tree
  return <NextIntlClientProvider messages={pickMessages(messages, ['common', ...namespaces])}>{children}</NextIntlClientProvider>
}
