'use client'
import { useWatch, type Control, type FieldValues } from 'react-hook-form'
import { useLocale, useTranslations } from 'next-intl'
import { formatNumber } from '@/lib/format/time'
import type { Locale } from '@/lib/i18n/config'

/**
 * "1,234 / 20,000" under a limited field. Fields never carry `maxLength`: the browser cuts a
 * paste at the limit without a word, which loses text. Over the limit this says by how
 * much, and the form's zod schema (the server's too) refuses to send, so nothing is cut.
 */
export function CharCount({ control, name, max, id, quietBelow = 0 }: {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  control: Control<any>; name: string; max: number; id: string
  /** Stay hidden until the text reaches this share of the limit (short one-line fields). */
  quietBelow?: number
}) {
  const value = useWatch({ control: control as Control<FieldValues>, name })
  const t = useTranslations('common.charCount')
  const locale = useLocale() as Locale
  const n = typeof value === 'string' ? value.length : 0
  if (n < max * quietBelow) return null
  const over = n - max
  return (
    <p id={`${id}-count`} className={`text-right text-xs tabular-nums ${over > 0 ? 'font-medium text-rose-600' : 'text-slate-600'}`}>
      {over > 0
        ? <span role="status">{t('over', { over, count: formatNumber(over, locale), max: formatNumber(max, locale) })}</span>
        : <>{formatNumber(n, locale)} / {formatNumber(max, locale)}<span className="sr-only">{t('characters')}</span></>}
    </p>
  )
}
