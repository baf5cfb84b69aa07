import { getTranslations } from 'next-intl/server'
import { buttonClass } from './button'

/**
 * "← Newest / Older →" paging for newest-first keyset lists. Plain links (a full page
 * load): Next 15's client navigation intermittently drops a click (vercel/next.js#83386).
 */
export async function NewestOlderPager({ label, newestHref, olderHref, className = 'mt-4' }: {
  label?: string; newestHref: string | null; olderHref: string | null; className?: string
}) {
  if (!newestHref && !olderHref) return null
  const t = await getTranslations('common.pager')
  return (
    <nav aria-label={label ?? t('label')} className={`flex items-center justify-between ${className}`}>
      {newestHref ? <a href={newestHref} className={buttonClass('secondary')}>{t('newest')}</a> : <span />}
      {olderHref ? <a href={olderHref} className={buttonClass('secondary')}>{t('older')}</a> : <span />}
    </nav>
  )
}

/** "← Previous / Next →" for keyset lists in a fixed order (plain links, as above). */
export async function PrevNextPager({ label, prevHref, nextHref, className = 'mt-4' }: {
  label?: string; prevHref: string | null; nextHref: string | null; className?: string
}) {
  if (!prevHref && !nextHref) return null
  const t = await getTranslations('common.pager')
  return (
    <nav aria-label={label ?? t('label')} className={`flex items-center justify-between ${className}`}>
      {prevHref ? <a href={prevHref} rel="prev" className={buttonClass('secondary')}>{t('previous')}</a> : <span />}
      {nextHref ? <a href={nextHref} rel="next" className={buttonClass('secondary')}>{t('next')}</a> : <span />}
    </nav>
  )
}
