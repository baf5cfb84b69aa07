import { useTranslations } from 'next-intl'

/** The workspace list filtered by one tag (the search box's `tag:` filter). */
export const tagListHref = (org: string, tag: string) => `/${org}/tickets?${new URLSearchParams({ q: `tag:${tag}` })}`

/**
 * A tag as a small chip that opens the list of tickets carrying it. A plain link (a full page
 * load): on the list itself a client navigation to the same route intermittently never
 * committed under load (vercel/next.js#83386), as with the filters and the column sorts.
 */
export function TagLink({ org, tag }: { org: string; tag: string }) {
  const t = useTranslations('tickets.tagLink')
  return (
    <a href={tagListHref(org, tag)} title={t('title', { tag })}
      className="inline-flex items-center rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-700 ring-1 ring-inset ring-slate-200 hover:bg-indigo-50 hover:text-indigo-800">
      {tag}
    </a>
  )
}
