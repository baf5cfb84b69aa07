'use client'
import Link from 'next/link'
import { useLocale, useTranslations } from 'next-intl'
import { formatNumber } from '@/lib/format/time'
import type { Locale } from '@/lib/i18n/config'
import type { BulkResult } from '@/lib/tickets/bulk-schemas'

/** What a bulk action did: how many went through, and each refused ticket with the reason. */
export function BulkResults({ org, label, result, onDismiss }: { org: string; label: string; result: BulkResult; onDismiss: () => void }) {
  const t = useTranslations('tickets.bulkResults')
  const locale = useLocale() as Locale
  const fmt = (n: number) => formatNumber(n, locale)
  const refused = result.rows.filter((r) => !r.ok)
  const tone = refused.length === 0 ? 'bg-emerald-50 ring-emerald-200 text-emerald-900' : 'bg-amber-50 ring-amber-200 text-amber-950'
  return (
    <section aria-label={t('label')} aria-live="polite" className={`rounded-lg p-3 text-sm ring-1 ${tone}`}>
      <div className="flex items-start justify-between gap-3">
        <p>
          <span className="font-semibold">{label}:</span> {t('applied', { count: fmt(result.applied) })}
          {refused.length > 0 && <>, {t('refused', { count: fmt(refused.length) })}</>}.
        </p>
        <button type="button" onClick={onDismiss} className="shrink-0 rounded px-1.5 text-xs font-medium underline-offset-2 hover:underline">{t('dismiss')}</button>
      </div>
      {refused.length > 0 && (
        <ul aria-label={t('refusedList')} className="mt-2 max-h-60 space-y-1 overflow-y-auto pr-2">
          {refused.map((r) => (
            <li key={r.id} className="flex flex-wrap gap-x-2">
              {r.number !== null
                ? <Link href={`/${org}/tickets/${r.number}`} prefetch={false} className="font-medium text-indigo-700 hover:underline">#{r.number} {r.title}</Link>
                : <span className="font-medium">{t('aSelectedTicket')}</span>}
              <span className="text-slate-700">— {!r.ok && (r.number === null ? t('notFound') : r.reason)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
