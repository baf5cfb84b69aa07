import { getLocale, getTranslations } from 'next-intl/server'
import { Badge } from '@/components/ui/badge'
import { Card } from '@/components/ui/card'
import { formatTime } from '@/lib/format/time'
import type { Locale } from '@/lib/i18n/config'

type Survey = { rating: string | null; comment: string | null; answeredAt: Date | null; sentAt: Date }

/** The requester's survey answers on the staff ticket page (issue 16). */
export async function CsatCard({ surveys, tz }: { surveys: Survey[]; tz: string }) {
  if (surveys.length === 0) return null
  const [t, locale] = await Promise.all([getTranslations('portal.csatCard'), getLocale() as Promise<Locale>])
  return (
    <Card title={t('title')}>
      <ul aria-label={t('answers')} className="space-y-2 text-sm">
        {surveys.map((s, i) => (
          <li key={i}>
            {s.answeredAt ? (
              <>
                <Badge tone={s.rating === 'good' ? 'green' : 'red'}>{s.rating === 'good' ? t('good') : t('bad')}</Badge>
                <span className="ml-2 text-xs text-slate-600">{formatTime(s.answeredAt, tz, undefined, locale)}</span>
                {s.comment && <p className="mt-1 whitespace-pre-wrap text-slate-700">{`“${s.comment}”`}</p>}
              </>
            ) : <span className="text-slate-600">{t('notAnswered', { date: formatTime(s.sentAt, tz, undefined, locale) })}</span>}
          </li>
        ))}
      </ul>
    </Card>
  )
}
