import { getTranslations } from 'next-intl/server'

export default async function Loading() {
  const t = await getTranslations('portal.listLoading')
  return (
    <div aria-busy="true" aria-label={t('label')} className="animate-pulse space-y-3">
      <div className="h-8 w-40 rounded bg-slate-200" />
      <div className="h-9 w-64 rounded bg-slate-100" />
      {Array.from({ length: 6 }, (_, i) => <div key={i} className="h-12 rounded bg-slate-100" />)}
    </div>
  )
}
