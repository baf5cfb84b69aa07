import { getTranslations } from 'next-intl/server'

export default async function Loading() {
  const t = await getTranslations('settings.loading')
  return (
    <div aria-busy="true" aria-label={t('label')} className="animate-pulse space-y-3">
      <div className="h-8 w-40 rounded bg-slate-200" />
      <div className="h-32 rounded bg-slate-100" />
      {Array.from({ length: 6 }, (_, i) => <div key={i} className="h-10 rounded bg-slate-100" />)}
    </div>
  )
}
