import { useTranslations } from 'next-intl'

export default function Loading() {
  const t = useTranslations('tickets.loading')
  return (
    <div aria-busy="true" aria-label={t('label')} className="animate-pulse space-y-4">
      <div className="h-4 w-32 rounded bg-slate-200" />
      <div className="h-8 w-2/3 rounded bg-slate-200" />
      <div className="grid gap-4 lg:grid-cols-[1fr_20rem]">
        <div className="space-y-3">{Array.from({ length: 4 }, (_, i) => <div key={i} className="h-24 rounded bg-slate-100" />)}</div>
        <div className="h-64 rounded bg-slate-100" />
      </div>
    </div>
  )
}
