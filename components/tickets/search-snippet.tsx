import { Fragment } from 'react'
import { useTranslations } from 'next-intl'

const MARK_START = '\u0002'
const MARK_END = '\u0003'
type Where = 'title' | 'description' | 'reply' | 'note'

/**
 * Where a search matched, with the matched words highlighted. The server marks them with
 * control characters (lib/search/text.ts), never HTML, so ticket text is rendered as text.
 */
export function SearchSnippet({ where, text }: { where: Where; text: string }) {
  const t = useTranslations('tickets.searchSnippet')
  const parts = text.split(MARK_START)
  return (
    <p className="mt-0.5 line-clamp-2 text-xs text-slate-600">
      <span className="font-medium text-slate-600">{t(where)}:</span>{' '}
      {parts.map((part, i) => {
        if (i === 0) return <Fragment key={i}>{part}</Fragment>
        const [hit, rest = ''] = part.split(MARK_END)
        return <Fragment key={i}><mark className="rounded-sm bg-amber-100 px-0.5 text-slate-900">{hit}</mark>{rest}</Fragment>
      })}
    </p>
  )
}
