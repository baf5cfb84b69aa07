import { getLocale, getTranslations } from 'next-intl/server'
import type { Ctx } from '@/lib/auth/ctx'
import { verifyMyOrgChain } from '@/lib/audit'
import { formatNumber } from '@/lib/format/time'
import type { Locale } from '@/lib/i18n/config'

/** Recomputes the org's hash chain (§9); streamed in so a long chain does not hold up the table. */
export async function ChainStatus({ ctx }: { ctx: Ctx }) {
  const r = await verifyMyOrgChain(ctx)
  const t = await getTranslations('settings.chainStatus')
  const locale = (await getLocale()) as Locale
  if (r.ok) {
    return (
      <p role="status" className="flex items-center gap-2 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-emerald-200">
        <span aria-hidden>{'✓'}</span>
        <span><span className="font-semibold">{t('intact')}</span> — {t('verified', { count: r.checked, checked: formatNumber(r.checked, locale) })}</span>
      </p>
    )
  }
  return (
    <div role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800 ring-1 ring-rose-200">
      <p><span className="font-semibold">{t('broken', { seq: String(r.brokenAt?.seq ?? '') })}</span>: {r.brokenAt?.reason}</p>
      <p className="mt-1 text-rose-700">
        {t.rich('brokenHint', { count: r.checked, checked: formatNumber(r.checked, locale), code: (c) => <code className="font-mono">{c}</code> })}
      </p>
    </div>
  )
}

export async function ChainStatusPending() {
  const t = await getTranslations('settings.chainStatus')
  return (
    <p aria-busy="true" className="flex items-center gap-2 rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-600 ring-1 ring-slate-200">
      <span aria-hidden className="h-3.5 w-3.5 animate-spin rounded-full border-2 border-current border-t-transparent" />
      {t('verifying')}
    </p>
  )
}
