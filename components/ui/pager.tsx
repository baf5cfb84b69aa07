import { buttonClass } from './button'

/**
 * "← Newest / Older →" paging for newest-first keyset lists. Plain links (a full page
 * load): Next 15's client navigation intermittently drops a click (vercel/next.js#83386).
 */
export function NewestOlderPager({ label = 'Pages', newestHref, olderHref, className = 'mt-4' }: {
  label?: string; newestHref: string | null; olderHref: string | null; className?: string
}) {
  if (!newestHref && !olderHref) return null
  return (
    <nav aria-label={label} className={`flex items-center justify-between ${className}`}>
      {newestHref ? <a href={newestHref} className={buttonClass('secondary')}>← Newest</a> : <span />}
      {olderHref ? <a href={olderHref} className={buttonClass('secondary')}>Older →</a> : <span />}
    </nav>
  )
}

/** "← Previous / Next →" for keyset lists in a fixed order (plain links, as above). */
export function PrevNextPager({ label = 'Pages', prevHref, nextHref, className = 'mt-4' }: {
  label?: string; prevHref: string | null; nextHref: string | null; className?: string
}) {
  if (!prevHref && !nextHref) return null
  return (
    <nav aria-label={label} className={`flex items-center justify-between ${className}`}>
      {prevHref ? <a href={prevHref} rel="prev" className={buttonClass('secondary')}>← Previous</a> : <span />}
      {nextHref ? <a href={nextHref} rel="next" className={buttonClass('secondary')}>Next →</a> : <span />}
    </nav>
  )
}
